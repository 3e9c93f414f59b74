package io.defectstudio.training.episodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A view of a source that keeps every n-th sample of each class apart for validation, so that training can pick its
 * best checkpoint without looking at a fold's test classes.
 */
public final class HeldOutSource implements EpisodeSource {

    private final EpisodeSource source;
    private final int every;
    private final boolean heldOut;

    private HeldOutSource(EpisodeSource source, int every, boolean heldOut) {
        if (every < 2) {
            throw new IllegalArgumentException("every must be >= 2, got " + every);
        }
        this.source = source;
        this.every = every;
        this.heldOut = heldOut;
    }

    /** The samples left for training: all but every n-th. */
    public static HeldOutSource training(EpisodeSource source, int every) {
        return new HeldOutSource(source, every, false);
    }

    /** The held-out samples: every n-th, starting with the first. */
    public static HeldOutSource validation(EpisodeSource source, int every) {
        return new HeldOutSource(source, every, true);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public List<Sample> samples(String className) {
        return pick(source.samples(className));
    }

    @Override
    public List<Sample> normalSamples() {
        return pick(source.normalSamples());
    }

    private List<Sample> pick(List<Sample> all) {
        List<Sample> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((i % every == 0) == heldOut) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }
}
