package io.defectstudio.inference.nets.mobilenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.MatchFusion;
import org.junit.jupiter.api.Test;

class MobileNetV2BackboneTest {

    @Test
    void tensorflowSamePaddingPutsTheOddPixelBottomRight() {
        // stride 2, kernel 3: an even size pads 1 in total (0 before, 1 after), an odd size 2 (1 and 1).
        assertEquals(1, TfSameConv.samePadding(224, 3, 2));
        assertEquals(2, TfSameConv.samePadding(37, 3, 2));
        assertEquals(2, TfSameConv.samePadding(50, 3, 1));
        assertEquals(0, TfSameConv.samePadding(50, 1, 1));
    }

    @Test
    void stagesHaveStrides4To32AndTheDocumentedWidths() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MobileNetV2Backbone backbone = (MobileNetV2Backbone) Backbones.create("mobilenet_v2_mid");
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            assertArrayEquals(new int[] {32, 48, 136, 448}, backbone.stageChannels());
            NDList stages = backbone.stages(new ParameterStore(manager, false),
                    manager.randomUniform(-1, 1, new Shape(2, 3, 75, 100)), false, 4);
            long[][] expected = {{2, 32, 19, 25}, {2, 48, 10, 13}, {2, 136, 5, 7}, {2, 448, 3, 4}};
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(expected[i], stages.get(i).getShape().getShape(), "stage " + (i + 1));
            }
            Shape[] declared = backbone.getOutputShapes(new Shape[] {new Shape(2, 3, 75, 100)});
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(expected[i], declared[i].getShape(), "declared stage " + (i + 1));
            }
        }
    }

    @Test
    void multiScaleFusionGivesUnitVectorsAtStrideEight() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MobileNetV2Backbone backbone = new MobileNetV2Backbone();
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            assertEquals(MatchFusion.MULTI_SCALE, backbone.matchFusion());
            NDList stages = backbone.stages(new ParameterStore(manager, false),
                    manager.randomUniform(-1, 1, new Shape(1, 3, 64, 64)), false, 3);
            NDArray unit = MatchFusion.MULTI_SCALE.unitFeatures(stages);
            assertArrayEquals(new long[] {1, 32 + 48 + 136, 8, 8}, unit.getShape().getShape());
            float[] norms = unit.square().sum(new int[] {1}).sqrt().toFloatArray();
            for (float norm : norms) {
                assertEquals(1f, norm, 1e-4f);
            }
        }
    }
}
