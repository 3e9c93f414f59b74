package io.defectstudio.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import io.defectstudio.training.checkpoint.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    @TempDir
    Path dir;

    @Test
    void aStepWithANonFiniteLossIsSkippedAndTheRunGoesOn() {
        List<Long> skipped = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = linear(manager);
            RunState state = TrainingLoop.run(block, manager, settings(6), "linear",
                    loss(block, Set.of(1L, 2L)), (scope, ps) -> 0, recorder(skipped));

            assertEquals(List.of(1L, 2L), skipped);
            assertTrue(Float.isNaN(state.losses().get(1)) && Float.isNaN(state.losses().get(2)));
            assertEquals(4, state.losses().stream().filter(Float::isFinite).count());
            // SGD without momentum at lr 0.1, gradient 2 on the four applied steps: 1 - 4 * 0.2.
            assertArrayEquals(new float[] {0.2f, 0.2f},
                    block.getParameters().get("weight").getArray().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void aRunThatKeepsProducingNonFiniteGradientsStopsWithAClearError() {
        List<Long> skipped = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = linear(manager);
            TrainingException e = assertThrows(TrainingException.class, () -> TrainingLoop.run(block, manager,
                    settings(20), "linear", loss(block, Set.of(3L, 4L, 5L, 6L, 7L, 8L, 9L)), (scope, ps) -> 0,
                    recorder(skipped)));

            assertEquals(TrainingLoop.MAX_SKIPPED_IN_A_ROW, skipped.size());
            assertTrue(e.getMessage().contains("in a row, up to step 8"), e.getMessage());
            assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
            assertArrayEquals(new float[] {0.4f, 0.4f},
                    block.getParameters().get("weight").getArray().toFloatArray(), 1e-5f);
        }
    }

    private LoopSettings settings(long steps) {
        return new LoopSettings("test", steps, steps, 0, dir, 7, OptimizerKind.SGD, 0.1f, 0f, 0f, 0f);
    }

    /** sum(w * x) with x = (2, 2), or NaN inputs on the given steps. */
    private static TrainingLoop.StepFunction loss(Linear block, Set<Long> nanSteps) {
        return (scope, ps, step) -> {
            float v = nanSteps.contains(step) ? Float.NaN : 2f;
            NDArray x = scope.create(new float[] {v, v}, new Shape(1, 2));
            return block.forward(ps, new NDList(x), true).singletonOrThrow().sum();
        };
    }

    private static TrainingListener recorder(List<Long> skipped) {
        return new TrainingListener() {
            @Override
            public void onSkippedStep(String phase, long step) {
                skipped.add(step);
            }
        };
    }

    private static Linear linear(NDManager manager) {
        Linear block = Linear.builder().setUnits(1).optBias(false).build();
        block.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        return block;
    }
}
