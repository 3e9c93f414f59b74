package io.defectstudio.training.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SegmentationLossesTest {

    /** (2,1,20,20) targets with a 3x3 defect (2.25 % of the image) in each. */
    private static NDArray smallDefects(NDManager manager) {
        NDArray mask = manager.zeros(new Shape(2, 1, 20, 20));
        mask.set(new NDIndex(":, :, 5:8, 5:8"), 1f);
        return mask;
    }

    @Test
    void bceMatchesTheTextbookFormula() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.randomNormal(new Shape(2, 1, 20, 20)).mul(3f);
            NDArray y = smallDefects(manager);
            NDArray p = logits.neg().exp().add(1f).pow(-1f);
            float expected = y.mul(p.log()).add(y.neg().add(1f).mul(p.neg().add(1f).log())).mean().neg().getFloat();
            assertEquals(expected, SegmentationLosses.bce(logits, y).getFloat(), 1e-4f);
        }
    }

    /** Why the Dice term exists: predicting no defect at all is cheap under BCE but the worst case under Dice. */
    @Test
    void diceIsZeroForAPerfectMaskAndNearOneForAnEmptyOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray y = smallDefects(manager);
            NDArray perfect = y.mul(40f).sub(20f);
            NDArray empty = manager.full(y.getShape(), -20f);
            assertEquals(0f, SegmentationLosses.dice(perfect, y).getFloat(), 0.01f);
            float emptyDice = SegmentationLosses.dice(empty, y).getFloat();
            assertTrue(emptyDice > 0.85f, "empty prediction Dice " + emptyDice);
            float emptyBce = SegmentationLosses.bce(empty, y).getFloat();
            float halfBce = SegmentationLosses.bce(manager.zeros(y.getShape()), y).getFloat();
            assertTrue(emptyBce < halfBce, "BCE prefers painting nothing (" + emptyBce + ") to being unsure ("
                    + halfBce + ")");
        }
    }
}
