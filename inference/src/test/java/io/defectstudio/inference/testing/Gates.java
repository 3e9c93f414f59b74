package io.defectstudio.inference.testing;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Opens the matching-prior gates of LERENet and EAMNet. A fresh gate is 0, so the head starts as the plain matcher
 * and its own parameters get no gradient until the gate has moved: tests that check the head's gradients or its
 * ability to fit open the gate first, as a few training steps would.
 */
public final class Gates {

    private Gates() {
    }

    /** Sets every parameter named {@code gate} to 1 and returns how many there were. */
    public static int open(Block net) {
        int opened = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getKey().endsWith("_gate")) {
                p.getValue().getArray().set(new float[] {1f});
                opened++;
            }
        }
        return opened;
    }
}
