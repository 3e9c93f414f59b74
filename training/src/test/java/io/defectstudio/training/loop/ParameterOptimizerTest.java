package io.defectstudio.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterOptimizerTest {

    @Test
    void sgdMomentumMatchesTheHandComputedUpdateAndLeaksNothing() {
        float[] after = run(OptimizerKind.SGD, 2);
        // w0 = 1, grad of sum(w*x) w.r.t. w is x = 2 every step; v1 = 2, w1 = 1 - 0.1*2 = 0.8;
        // v2 = 0.9*2 + 2 = 3.8, w2 = 0.8 - 0.1*3.8 = 0.42.
        assertArrayEquals(new float[] {0.42f, 0.42f}, after, 1e-6f);
    }

    @Test
    void adamMatchesTheHandComputedUpdate() {
        float[] after = run(OptimizerKind.ADAM, 1);
        // First Adam step moves each weight by lr * g/|g| (bias-corrected): 1 - 0.1 = 0.9.
        assertArrayEquals(new float[] {0.9f, 0.9f}, after, 1e-5f);
    }

    @Test
    void aStepWithANonFiniteGradientUpdatesNothingAndLeavesNoGradientBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = linear(manager);
            try (ParameterOptimizer optimizer = new ParameterOptimizer(OptimizerKind.ADAM, 0.9f, 0f, manager)) {
                manager.cap();
                assertFalse(step(block, optimizer, Float.NaN, 0));
                assertArrayEquals(new float[] {1f, 1f}, weights(block));
                assertTrue(optimizer.exportState().isEmpty(), "no optimizer state from a skipped step");
                // Had the NaN gradient survived, it would have been added to this one.
                assertTrue(step(block, optimizer, 2f, 0));
                assertArrayEquals(new float[] {0.9f, 0.9f}, weights(block), 1e-5f);
            }
        }
    }

    @Test
    void stateExportsAndImportsByName() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = linear(manager);
            try (ParameterOptimizer a = new ParameterOptimizer(OptimizerKind.SGD, 0.9f, 0f, manager);
                    ParameterOptimizer b = new ParameterOptimizer(OptimizerKind.SGD, 0.9f, 0f, manager)) {
                step(block, a, 2f, 0);
                NDList state = a.exportState();
                b.importState(state);
                assertEquals(a.exportState().get(0).getName(), b.exportState().get(0).getName());
                assertArrayEquals(a.exportState().get(0).toFloatArray(), b.exportState().get(0).toFloatArray());
            }
        }
    }

    private static float[] run(OptimizerKind kind, int steps) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = linear(manager);
            try (ParameterOptimizer optimizer = new ParameterOptimizer(kind, 0.9f, 0f, manager)) {
                // Nothing may be attached to the parameters' manager during updates (a leak per step otherwise).
                manager.cap();
                for (int s = 0; s < steps; s++) {
                    step(block, optimizer, 2f, s);
                }
            }
            return weights(block);
        }
    }

    private static float[] weights(Linear block) {
        return block.getParameters().get("weight").getArray().toFloatArray();
    }

    private static Linear linear(NDManager manager) {
        Linear block = Linear.builder().setUnits(1).optBias(false).build();
        block.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        return block;
    }

    /** One update of sum(w * x) with x = (input, input), whose gradient is x. */
    private static boolean step(Linear block, ParameterOptimizer optimizer, float input, long step) {
        List<Pair<String, Parameter>> params = ParameterOptimizer.trainable(block);
        try (NDManager scope = NDManager.newBaseManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = scope.create(new float[] {input, input}, new Shape(1, 2));
                NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.sum());
            }
            return optimizer.step(params, 0.1f, step);
        }
    }
}
