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
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.mobilenet.MobileNetV2Backbone;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DJL port of nsfwjs's MobileNetV2 against activations of the TensorFlow.js graph itself
 * ({@code scripts/convert-nsfwjs-backbone.mjs}): same input, every stage within fp16 rounding of the weights.
 */
class MobileNetV2PortTest {

    /** Largest error allowed, relative to the reference's largest magnitude (the shipped weights are F16). */
    private static final float TOLERANCE = 0.01f;

    private static Map<String, NamedTensor> reference() throws URISyntaxException {
        return Safetensors.read(Path.of(
                MobileNetV2PortTest.class.getResource("mobilenet_v2_mid_reference.safetensors").toURI()));
    }

    /** The backbone with the shipped weights, sized for the reference input. */
    private static MobileNetV2Backbone shippedBackbone(NDManager manager, NamedTensor input) {
        MobileNetV2Backbone backbone = (MobileNetV2Backbone) Backbones.create(MobileNetV2Backbone.NAME);
        backbone.initialize(manager, DataType.FLOAT32, new Shape(input.shape()));
        BackboneWeights.loadShipped(backbone);
        return backbone;
    }

    /** The graph's own input scaling: x * 2 - 1. */
    private static NDArray scaled(NDManager manager, NamedTensor input) {
        return manager.create(input.values(), new Shape(input.shape())).mul(2).sub(1);
    }

    @Test
    void everyStageMatchesTheTensorflowGraph() throws URISyntaxException {
        Map<String, NamedTensor> reference = reference();
        NamedTensor input = reference.get("input");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList stages = shippedBackbone(manager, input)
                    .stages(new ParameterStore(manager, false), scaled(manager, input), false, 4);
            String[] names = {"stride4", "stride8", "stride16", "stride32"};
            for (int i = 0; i < 4; i++) {
                NamedTensor expected = reference.get(names[i]);
                NDArray actual = stages.get(i);
                assertArrayEquals(expected.shape(), actual.getShape().getShape(), names[i] + " shape");
                float scale = manager.create(expected.values()).abs().max().getFloat();
                float error = actual.flatten().sub(manager.create(expected.values())).abs().max().getFloat();
                assertTrue(error <= TOLERANCE * scale,
                        names[i] + ": max error " + error + " against a largest magnitude of " + scale);
            }
        }
    }

    @Test
    void symmetricPaddingWouldNotPass() throws URISyntaxException {
        // Guards the test itself: shifting the input by one pixel (what PyTorch's symmetric padding does to a
        // stride-2 conv on an even size) must break the match at stride 8.
        Map<String, NamedTensor> reference = reference();
        NamedTensor input = reference.get("input");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray shifted = scaled(manager, input).pad(new Shape(1, 0, 1, 0), -1f)
                    .get("..., :" + input.shape()[2] + ", :" + input.shape()[3]);
            NDArray stride8 = shippedBackbone(manager, input)
                    .stages(new ParameterStore(manager, false), shifted, false, 2).get(1);
            NDArray expected = manager.create(reference.get("stride8").values());
            float scale = expected.abs().max().getFloat();
            float error = stride8.flatten().sub(expected).abs().max().getFloat();
            assertTrue(error > TOLERANCE * scale, "a shifted input still matched (error " + error + ")");
        }
    }
}
