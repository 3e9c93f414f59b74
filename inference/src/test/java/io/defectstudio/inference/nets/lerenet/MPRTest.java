package io.defectstudio.inference.nets.lerenet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MPRTest {

    @Test
    void unrelatedNodesGiveTheIdentityAndIdenticalNodesShareEvenly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Orthogonal node features: A = 0, so L = D^-1/2 I D^-1/2 = I.
            NDArray orthogonal = manager.eye(3).expandDims(0);
            assertTrue(MPR.normalisedAdjacency(orthogonal).allClose(manager.eye(3).expandDims(0), 1e-5, 1e-5, false));
            // Identical node features: A = all ones, I + A has degree n + 1 = 4, so L = (I + A) / 4.
            NDArray identical = manager.ones(new Shape(1, 3, 5));
            NDArray expected = manager.ones(new Shape(3, 3)).add(manager.eye(3)).div(4f).expandDims(0);
            assertTrue(MPR.normalisedAdjacency(identical).allClose(expected, 1e-5, 1e-5, false));
            // Opposite features have negative cosine, which the ReLU removes: back to the identity.
            NDArray opposite = manager.create(new float[] {1, 0, -1, 0}, new Shape(1, 2, 2));
            assertTrue(MPR.normalisedAdjacency(opposite).allClose(manager.eye(2).expandDims(0), 1e-5, 1e-5, false));
        }
    }
}
