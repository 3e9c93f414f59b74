package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BackbonesTest {

    @Test
    void compactReturnsFourStagesAtStrides4To32() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNetBackbone backbone = (ResNetBackbone) Backbones.create("compact");
            Shape input = new Shape(2, 3, 64, 64);
            backbone.initialize(manager, DataType.FLOAT32, input);
            NDList out = backbone.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(input)),
                    false);
            int[] c = backbone.stageChannels();
            assertEquals(4, out.size());
            for (int i = 0; i < 4; i++) {
                long side = 64 >> (i + 2);
                assertEquals(new Shape(2, c[i], side, side), out.get(i).getShape(), "layer" + (i + 1));
            }
            NDList firstThree = backbone.stages(new ParameterStore(manager, false), manager.ones(input), false, 3);
            assertEquals(3, firstThree.size());
            assertEquals(out.get(2).getShape(), firstThree.get(2).getShape());
            Shape[] predicted = backbone.getOutputShapes(new Shape[] {input});
            for (int i = 0; i < 4; i++) {
                assertEquals(out.get(i).getShape(), predicted[i]);
            }
        }
    }

    /** A frozen backbone under a training head must keep its pre-trained BatchNorm statistics. */
    @Test
    void frozenBackboneRunsAsInInferenceDuringTraining() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNetBackbone backbone = Backbones.builder().optName("tiny").optStemChannels(8).optUnits(1, 1, 1, 1)
                    .optWidths(8, 16, 32, 64).build();
            Shape input = new Shape(2, 3, 32, 32);
            backbone.initialize(manager, DataType.FLOAT32, input);
            NDArray images = manager.randomNormal(input).mul(3f).add(2f);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray trainable = backbone.stages(ps, images, true, 2).get(1).duplicate();
            NDArray inference = backbone.stages(ps, images, false, 2).get(1);
            assertFalse(trainable.allClose(inference, 1e-3, 1e-3, false), "a trainable backbone uses batch statistics");
            backbone.freezeParameters(true);
            NDArray before = backbone.stages(ps, images, false, 2).get(1).duplicate();
            NDArray frozen = backbone.stages(ps, images, true, 2).get(1);
            assertTrue(before.allClose(frozen, 1e-5, 1e-5, false), "frozen: training output equals inference output");
            assertTrue(before.allClose(backbone.stages(ps, images, false, 2).get(1), 1e-5, 1e-5, false),
                    "frozen: running statistics unchanged");
        }
    }

    /** The training view offers these names, so each must build, the pair of ImageNet-derived backbones included. */
    @Test
    void everyNameAUserCanChooseIsCreatedUnderThatName() {
        assertTrue(Backbones.NAMES.contains("mobilenet_v2_mid+inception_v3"), Backbones.NAMES.toString());
        for (String name : Backbones.NAMES) {
            assertEquals(name, Backbones.create(name).name());
        }
    }

    @Test
    void standardResNetsHaveTheirPublishedParameterCounts() {
        // torchvision without the classifier: ResNet-18 11,176,512; ResNet-50 23,508,032 (+ DJL's 1x1 conv biases).
        assertEquals(11_176_512L, learnableParameters("resnet18"));
        long resnet50 = learnableParameters("resnet50");
        assertTrue(resnet50 > 23_500_000L && resnet50 < 23_600_000L, "resnet50 params " + resnet50);
    }

    @Test
    void builderMakesCustomDepthAndWidth() {
        ResNetBackbone custom = Backbones.builder().optName("tiny").optStemChannels(8).optUnits(1, 1, 1, 1)
                .optWidths(8, 16, 32, 64).build();
        assertArrayEquals(new int[] {8, 16, 32, 64}, custom.stageChannels());
        assertEquals("tiny", custom.name());
        assertThrows(IllegalArgumentException.class, () -> Backbones.builder().optUnits(2, 2, 2).build());
        assertThrows(IllegalArgumentException.class, () -> Backbones.create("vgg16"));
    }

    private static long learnableParameters(String name) {
        ResNetBackbone backbone = (ResNetBackbone) Backbones.create(name);
        try (NDManager manager = NDManager.newBaseManager()) {
            backbone.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            return ParameterCounts.learnable(backbone);
        }
    }
}
