package io.defectstudio.inference.nets.eamnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class GRNTest {

    @Test
    void startsAsIdentityAndScalesChannelsByTheirRelativeResponse() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GRN grn = new GRN(2);
            grn.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 2, 2));
            ParameterStore ps = new ParameterStore(manager, false);
            // Channel 0 all 1 (L2 norm 2), channel 1 all 3 (norm 6): N = [0.5, 1.5].
            NDArray x = manager.ones(new Shape(1, 1, 2, 2)).concat(manager.full(new Shape(1, 1, 2, 2), 3f), 1);
            assertTrue(grn.forward(ps, new NDList(x), false).singletonOrThrow().allClose(x), "gamma = beta = 0");
            grn.getParameters().get("gamma").getArray().set(new float[] {1f, 1f});
            NDArray expected = manager.create(new float[] {1.5f, 1.5f, 1.5f, 1.5f, 7.5f, 7.5f, 7.5f, 7.5f},
                    new Shape(1, 2, 2, 2));
            assertTrue(grn.forward(ps, new NDList(x), false).singletonOrThrow().allClose(expected, 1e-4, 1e-4, false));
        }
    }
}
