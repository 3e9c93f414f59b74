package io.defectstudio.training.episodes.synthetic;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeStream;
import java.util.SplittableRandom;

/**
 * Real episodes with a fixed share of pseudo-defect ones mixed in; which kind episode {@code i} is depends only on i.
 */
public final class EpisodeMix implements EpisodeStream {

    private final EpisodeStream real;
    private final EpisodeStream synthetic;
    private final double syntheticShare;
    private final long seed;

    public EpisodeMix(EpisodeStream real, EpisodeStream synthetic, double syntheticShare, long seed) {
        if (syntheticShare < 0 || syntheticShare > 1) {
            throw new IllegalArgumentException("The synthetic share must lie in [0, 1], got " + syntheticShare);
        }
        this.real = real;
        this.synthetic = synthetic;
        this.syntheticShare = syntheticShare;
        this.seed = seed;
    }

    @Override
    public Episode episode(long index) {
        boolean pseudo = new SplittableRandom(seed ^ (index * 0xBF58476D1CE4E5B9L)).nextDouble() < syntheticShare;
        return pseudo ? synthetic.episode(index) : real.episode(index);
    }
}
