package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BackbonePairTest {

    @Test
    void eachStageIsBothMembersUnitVectorsOnTheFirstMembersGrid() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BackbonePair pair = (BackbonePair) Backbones.create("mobilenet_v2_mid+inception_v3");
            assertEquals("mobilenet_v2_mid+inception_v3", pair.name());
            pair.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            assertArrayEquals(new int[] {32 + 192, 48 + 288, 136 + 768, 448 + 1280}, pair.stageChannels());
            NDArray unit = manager.randomUniform(0, 1, new Shape(1, 3, 72, 96));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList stages = pair.stages(ps, unit, false, 3);
            // The first member sees [0, 1] scaled to [-1, 1], as MobileNetV2's weights expect.
            NDArray mobile = pair.first().stages(ps, unit.mul(2).sub(1), false, 3).get(1);
            NDArray firstHalf = stages.get(1).get(":, :48");
            assertTrue(firstHalf.sub(FeatureOps.l2Normalize(mobile, 1).div((float) Math.sqrt(2))).abs().max()
                    .getFloat() < 1e-5f, "first member's stride-8 vectors");
            Shape[] declared = pair.getOutputShapes(new Shape[] {new Shape(1, 3, 72, 96)});
            for (int i = 0; i < 3; i++) {
                assertEquals(declared[i], stages.get(i).getShape(), "stage " + (i + 1));
                for (float norm : stages.get(i).square().sum(new int[] {1}).sqrt().toFloatArray()) {
                    assertEquals(1f, norm, 1e-4f);
                }
            }
            assertEquals(MatchFusion.MULTI_SCALE, pair.matchFusion());
            assertEquals(64, Architectures.defaultChannels("lerenet", pair.name()));
        }
    }

    @Test
    void onlyImageNetDerivedMembersPair() {
        assertThrows(IllegalArgumentException.class, () -> Backbones.create("compact+inception_v3"));
    }
}
