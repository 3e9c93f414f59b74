package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MatchingPriorTest {

    /** Unit vectors (B,C,h,w) along the channels. */
    private static NDArray unit(NDManager manager, long batch, long h, long w) {
        return FeatureOps.l2Normalize(manager.randomNormal(new Shape(batch, 16, h, w)), 1);
    }

    @Test
    void oneSupportSetScoresAsTheSameSetInABatch() {
        // A single support set is matched as separate foreground and background matrices; a batch of sets with
        // exclusion offsets. Both must give the same s_fg - s_bg, also with cells that are neither.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray supportUnit = unit(manager, 2, 9, 11);
            NDArray masks = manager.zeros(new Shape(1, 2, 1, 72, 88));
            masks.set(new NDIndex(":, 0, :, 10:30, 20:45"), 1f);
            masks.set(new NDIndex(":, 1, :, 50:53, 5:80"), 1f);
            NDList one = MatchingPrior.encodeSupport(supportUnit, masks);
            NDList two = MatchingPrior.encodeSupport(supportUnit.concat(supportUnit, 0), masks.concat(masks, 0));
            NDArray query = unit(manager, 1, 7, 8);
            NDArray fromOne = MatchingPrior.contrast(query, one);
            NDArray fromBatch = MatchingPrior.contrast(query.concat(query, 0), two).get("1:");
            assertArrayEquals(new long[] {1, 1, 7, 8}, fromOne.getShape().getShape());
            float difference = fromOne.sub(fromBatch).abs().max().getFloat();
            assertTrue(difference < 1e-5f, "largest difference " + difference);
            long neitherCells = one.get(1).add(one.get(2)).eq(0f).sum().getLong();
            assertTrue(neitherCells > 0, "the masks' edges leave cells that are neither foreground nor background");
        }
    }
}
