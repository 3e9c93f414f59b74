package io.defectstudio.inference.nets.inception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.MatchFusion;
import io.defectstudio.inference.nets.ParameterCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InceptionV3BackboneTest {

    @Test
    void validStagesHaveStrides4To32TheDocumentedWidthsAndTheKerasSizes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InceptionV3Backbone backbone = (InceptionV3Backbone) Backbones.create("inception_v3");
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 99, 99));
            assertArrayEquals(new int[] {192, 288, 768, 1280}, backbone.stageChannels());
            assertEquals(MatchFusion.MULTI_SCALE, backbone.matchFusion());
            // 299 -> 149 -> 147 -> 73 -> 71 -> 35 -> 17 -> 8 in the paper; here 107 x 120.
            NDList stages = backbone.validStages(new ParameterStore(manager, false),
                    manager.randomUniform(0, 1, new Shape(2, 3, 107, 120)), false, 4);
            long[][] expected = {{2, 192, 23, 26}, {2, 288, 11, 12}, {2, 768, 5, 5}, {2, 1280, 2, 2}};
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(expected[i], stages.get(i).getShape().getShape(), "stage " + (i + 1));
                assertEquals(expected[i][2], InceptionV3Backbone.validSize(107, i + 1), "valid size " + (i + 1));
                assertEquals(expected[i][3], InceptionV3Backbone.validSize(120, i + 1), "valid size " + (i + 1));
            }
            // Keras counts 10,642,784 convolution weights up to mixed8; each of the 10,688 filters gains a folded bias.
            assertEquals(10_642_784 + 10_688, ParameterCounts.learnable(backbone));
        }
    }

    @Test
    void alignedStagesHaveCeilSizesAtAnyInputSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InceptionV3Backbone backbone = new InceptionV3Backbone();
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            for (long[] size : new long[][] {{107, 120}, {64, 64}, {33, 200}, {320, 320}}) {
                NDList stages = backbone.stages(new ParameterStore(manager, false),
                        manager.randomUniform(0, 1, new Shape(1, 3, size[0], size[1])), false, 4);
                Shape[] declared = backbone.getOutputShapes(new Shape[] {new Shape(1, 3, size[0], size[1])});
                for (int i = 0; i < 4; i++) {
                    long stride = 4L << i;
                    long[] expected = {1, backbone.stageChannels()[i], (size[0] + stride - 1) / stride,
                        (size[1] + stride - 1) / stride};
                    assertArrayEquals(expected, stages.get(i).getShape().getShape(), size[0] + "x" + size[1]);
                    assertArrayEquals(expected, declared[i].getShape(), "declared " + size[0] + "x" + size[1]);
                }
            }
            // The trailing edge is as short as the valid layers allow: one pixel less leaves stride 32 a cell short.
            long padded = 320 + InceptionV3Backbone.SHIFT + InceptionV3Backbone.trailing(320, 4);
            assertEquals(10, InceptionV3Backbone.validSize(padded, 4));
            assertEquals(9, InceptionV3Backbone.validSize(padded - 1, 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void everyNetworkRunsOnIt(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create(architecture, "inception_v3");
            net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(72, 88, 1));
            NDArray support = manager.randomUniform(0, 1, new Shape(1, 1, 3, 72, 88));
            NDArray mask = manager.zeros(new Shape(1, 1, 1, 72, 88));
            mask.set(new NDIndex(":, :, :, 20:40, 30:50"), 1f);
            NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(
                    manager.randomUniform(0, 1, new Shape(2, 3, 72, 88)), support, mask), false).get(0);
            assertArrayEquals(new long[] {2, 1, 72, 88}, logits.getShape().getShape(), architecture);
            assertFalse(logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean(), "non-finite");
        }
    }

    @Test
    void averagePoolingLeavesThePaddingOutOfTheMean() {
        // TensorFlow's "same" average pool divides by the pixels inside the image: a constant image stays constant.
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pooled = InceptionModules.averagePool()
                    .forward(new ParameterStore(manager, false), new NDList(manager.full(new Shape(1, 2, 4, 5), 3f)),
                            false)
                    .singletonOrThrow();
            assertArrayEquals(new long[] {1, 2, 4, 5}, pooled.getShape().getShape());
            for (float v : pooled.toFloatArray()) {
                assertEquals(3f, v, 1e-6f);
            }
        }
    }
}
