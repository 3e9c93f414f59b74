package io.defectstudio.inference.nets.lerenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.FeatureOps;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.testing.Gates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the non-finite backbone gradients that stopped LERENet's meta-training on real episodes: a
 * support mask covers a few feature cells only, so almost every support descriptor is an all-zero vector, and
 * d sqrt(s)/ds is infinite at s = 0 (infinity x 0 = NaN through the L2 normalisation of Eq. 14 and MPR's Eq. 2).
 */
class LERENetGradientTest {

    private static final int SIZE = 64;

    @Test
    void l2NormalizeKeepsZeroVectorsZeroWithAFiniteGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {3, 4, 0, 0}, new Shape(2, 2)).transpose();
            x.setRequiresGradient(true);
            NDArray unit;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                unit = FeatureOps.l2Normalize(x, 0);
                collector.backward(unit.sum());
            }
            assertTrue(unit.allClose(manager.create(new float[] {0.6f, 0, 0.8f, 0}, new Shape(2, 2)), 1e-5, 1e-5,
                    false), "normalised " + unit);
            NDArray grad = x.getGradient();
            assertFalse(grad.isNaN().any().getBoolean() || grad.isInfinite().any().getBoolean(), "gradient "
                    + Arrays.toString(grad.toFloatArray()));
        }
    }

    @Test
    void backboneGradientsStayFiniteForAFewPixelSupportMask() {
        // A 2x2-pixel defect: one feature cell at stride 8 carries 1/16 of the mask, all others are zero vectors.
        List<String> bad = gradientsAfterOneStep(supportMask(30, 32, 40, 42), 1f, false, true);
        assertTrue(bad.isEmpty(), "non-finite or missing gradients: " + bad);
    }

    @Test
    void gradientsStayFiniteForAFewPixelSupportMaskAndABlankQuery() {
        // An all-zero query: every query descriptor is a zero vector too (a zero input gives the stem no gradient).
        List<String> bad = gradientsAfterOneStep(supportMask(30, 32, 40, 42), 1f, true, false);
        assertTrue(bad.isEmpty(), "non-finite gradients: " + bad);
    }

    @Test
    void backboneGradientsStayFiniteForAnEmptySupportMaskAndLargeInputs() {
        List<String> bad = gradientsAfterOneStep(supportMask(0, 0, 0, 0), 1e3f, false, true);
        assertTrue(bad.isEmpty(), "non-finite or missing gradients: " + bad);
    }

    /** A (1,1,1,S,S) mask with ones in rows [top,bottom) and columns [left,right). */
    private static float[] supportMask(int top, int bottom, int left, int right) {
        float[] mask = new float[SIZE * SIZE];
        for (int r = top; r < bottom; r++) {
            for (int c = left; c < right; c++) {
                mask[r * SIZE + c] = 1f;
            }
        }
        return mask;
    }

    /**
     * One training-mode forward and backward of LERENet on a 1-shot episode: a random support image scaled by
     * {@code scale}, its {@code mask}, and as query the support image itself or, if {@code blankQuery}, zeros.
     * Returns the trainable parameters whose gradient is not finite, plus a note when {@code stemMustLearn} and no
     * non-zero gradient reached the backbone stem (the backward pass would then prove nothing about the backbone).
     */
    private static List<String> gradientsAfterOneStep(float[] mask, float scale, boolean blankQuery,
            boolean stemMustLearn) {
        Engine.getInstance().setRandomSeed(31);
        try (NDManager manager = NDManager.newBaseManager()) {
            LERENet net = new LERENet(Backbones.builder().optName("tiny").optStemChannels(8).optUnits(1, 1, 1, 1)
                    .optWidths(8, 16, 32, 64).build(), 16);
            net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(SIZE, SIZE, 1));
            Gates.open(net);
            NDArray supportImages = manager.randomNormal(new Shape(1, 1, 3, SIZE, SIZE)).mul(scale);
            NDArray supportMasks = manager.create(mask, new Shape(1, 1, 1, SIZE, SIZE));
            NDArray query = blankQuery ? manager.zeros(new Shape(1, 3, SIZE, SIZE)) : supportImages.squeeze(1);
            NDArray target = manager.zeros(new Shape(1, 1, SIZE, SIZE));
            target.set(new NDIndex(":, :, 20:40, 20:40"), 1f);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(new ParameterStore(manager, false),
                        new NDList(query, supportImages, supportMasks), true).get(0);
                assertEquals(new Shape(1, 1, SIZE, SIZE), logits.getShape());
                NDArray loss = Loss.sigmoidBinaryCrossEntropyLoss().evaluate(new NDList(target), new NDList(logits));
                collector.backward(loss);
            }
            List<String> bad = new ArrayList<>();
            float stemGradient = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                Parameter parameter = p.getValue();
                if (!parameter.requiresGradient()) {
                    continue;
                }
                NDArray grad = parameter.getArray().getGradient();
                if (grad.isNaN().any().getBoolean() || grad.isInfinite().any().getBoolean()) {
                    bad.add(p.getKey());
                } else if (p.getKey().contains("stem")) {
                    stemGradient += grad.abs().sum().getFloat();
                }
            }
            if (stemMustLearn && stemGradient == 0f) {
                bad.add("backbone stem: no finite, non-zero gradient");
            }
            return bad;
        }
    }
}
