package io.defectstudio.training.loop;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;

/** Derives every random stream of a run from its seed, so that a step's randomness depends only on (seed, step). */
public final class Seeds {

    private Seeds() {
    }

    /** Seeds the engine's generator (initialisation, dropout) for one purpose of a run. */
    public static void seedEngine(long seed, long purpose) {
        Engine.getInstance().setRandomSeed((int) (mix(seed, purpose) >>> 33));
    }

    /** A Java random stream for one step (sampling, augmentation). */
    public static SplittableRandom random(long seed, long step) {
        return new SplittableRandom(mix(seed, step));
    }

    static long mix(long seed, long index) {
        return new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextLong();
    }
}
