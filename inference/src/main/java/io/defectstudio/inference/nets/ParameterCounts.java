package io.defectstudio.inference.nets;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts a block's trainable parameters (BatchNorm running statistics are state, not parameters). */
public final class ParameterCounts {

    private ParameterCounts() {}

    /** Total element count of every parameter that requires a gradient, running statistics excluded. */
    public static long trainable(Block block) {
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
