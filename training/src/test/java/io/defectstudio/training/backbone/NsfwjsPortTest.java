package io.defectstudio.training.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.Normalisation;
import io.defectstudio.inference.nets.inception.InceptionV3Backbone;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DJL ports of nsfwjs's MobileNetV2 and InceptionV3 against activations of the TensorFlow.js models themselves
 * ({@code scripts/convert-nsfwjs-backbone.mjs}): same input, scaled as the product scales it, every stage within fp16
 * rounding of the weights.
 */
class NsfwjsPortTest {

    /** Largest error allowed, relative to the reference's largest magnitude (the shipped weights are F16). */
    private static final float TOLERANCE = 0.01f;
    private static final String[] STAGES = {"stride4", "stride8", "stride16", "stride32"};

    private static Map<String, NamedTensor> reference(String backbone) throws URISyntaxException {
        return Safetensors.read(Path.of(
                NsfwjsPortTest.class.getResource(backbone + "_reference.safetensors").toURI()));
    }

    /** The stages as the TensorFlow.js model computes them (InceptionV3's before its alignment with the image). */
    private static NDList modelStages(Backbone backbone, NDManager manager, NDArray input, int count) {
        ParameterStore ps = new ParameterStore(manager, false);
        return backbone instanceof InceptionV3Backbone inception
                ? inception.validStages(ps, input, false, count)
                : backbone.stages(ps, input, false, count);
    }

    /** The backbone with the shipped weights, sized for the reference input. */
    private static Backbone shippedBackbone(String name, NDManager manager, NamedTensor input) {
        Backbone backbone = Backbones.create(name);
        backbone.initialize(manager, DataType.FLOAT32, new Shape(input.shape()));
        BackboneWeights.loadShipped(backbone);
        return backbone;
    }

    /** The reference input in [0, 1], scaled by the backbone's manifest normalisation. */
    private static NDArray scaled(String backbone, NDManager manager, NamedTensor input) {
        Normalisation n = Normalisation.forBackbone(backbone);
        return manager.create(input.values(), new Shape(input.shape()))
                .sub(manager.create(n.mean()).reshape(1, 3, 1, 1))
                .div(manager.create(n.std()).reshape(1, 3, 1, 1));
    }

    private static float relativeError(NDArray actual, NamedTensor expected, NDManager manager) {
        NDArray reference = manager.create(expected.values());
        return actual.flatten().sub(reference).abs().max().getFloat() / reference.abs().max().getFloat();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenet_v2_mid", "inception_v3"})
    void everyStageMatchesTheTensorflowModel(String name) throws URISyntaxException {
        Map<String, NamedTensor> reference = reference(name);
        NamedTensor input = reference.get("input");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList stages = modelStages(shippedBackbone(name, manager, input), manager,
                    scaled(name, manager, input), 4);
            for (int i = 0; i < 4; i++) {
                NamedTensor expected = reference.get(STAGES[i]);
                NDArray actual = stages.get(i);
                assertArrayEquals(expected.shape(), actual.getShape().getShape(), STAGES[i] + " shape");
                float error = relativeError(actual, expected, manager);
                assertTrue(error <= TOLERANCE, STAGES[i] + ": max error " + error + " of the largest magnitude");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobilenet_v2_mid", "inception_v3"})
    void aShiftedInputWouldNotPass(String name) throws URISyntaxException {
        // Guards the test itself: shifting the input by one pixel (what PyTorch's symmetric padding does to a
        // stride-2 conv on an even size) must break the match at stride 8.
        Map<String, NamedTensor> reference = reference(name);
        NamedTensor input = reference.get("input");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray shifted = scaled(name, manager, input).pad(new Shape(1, 0, 1, 0), 0f)
                    .get("..., :" + input.shape()[2] + ", :" + input.shape()[3]);
            NDArray stride8 = modelStages(shippedBackbone(name, manager, input), manager, shifted, 2).get(1);
            float error = relativeError(stride8, reference.get("stride8"), manager);
            assertTrue(error > TOLERANCE, "a shifted input still matched (error " + error + ")");
        }
    }
}
