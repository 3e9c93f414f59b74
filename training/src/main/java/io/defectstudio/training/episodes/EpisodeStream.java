package io.defectstudio.training.episodes;

/** An endless, reproducible sequence of training episodes: episode {@code i} depends only on the seed and {@code i}. */
public interface EpisodeStream {

    Episode episode(long index);
}
