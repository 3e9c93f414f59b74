package io.defectstudio.inference.nets;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts a block's learnable parameters the way papers report them (BatchNorm running statistics are state). */
public final class ParameterCounts {

    private ParameterCounts() {}

    /** Total element count of weights, biases and norm scales, frozen ones included; running statistics excluded. */
    public static long learnable(Block block) {
        long total = 0;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            if (p.isInitialized()) {
                total += p.getArray().size();
            } else {
                throw new IllegalStateException("parameter " + pair.getKey() + " is not initialised");
            }
        }
        return total;
    }
}
