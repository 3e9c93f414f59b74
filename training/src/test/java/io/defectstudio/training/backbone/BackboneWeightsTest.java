package io.defectstudio.training.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import io.defectstudio.inference.bundle.SafetensorsException;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.ResNetBackbone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneWeightsTest {

    private static final Shape INPUT = new Shape(1, 3, 32, 32);

    @TempDir
    Path dir;

    private static ResNetBackbone tiny() {
        return Backbones.builder().optName("tiny").optStemChannels(4).optUnits(1, 1, 1, 1).optWidths(4, 8, 8, 8)
                .build();
    }

    @Test
    void weightsWrittenByATestFileLoadIntoTheBackbone() {
        Path file = dir.resolve("user.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNetBackbone source = tiny();
            source.initialize(manager, DataType.FLOAT32, INPUT);
            // A "user" file: PyTorch-style dotted names under a prefix, plus a classifier the backbone lacks.
            List<NamedTensor> tensors = new ArrayList<>();
            float k = 0.01f;
            for (Pair<String, Parameter> p : source.getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] values = new float[(int) a.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = k * (i % 7 - 3);
                }
                k += 0.01f;
                tensors.add(new NamedTensor("backbone." + p.getKey().replace('_', '.'), a.getShape().getShape(),
                        values));
            }
            tensors.add(new NamedTensor("fc.weight", new long[] {2, 8}, new float[16]));
            Safetensors.write(file, tensors);

            ResNetBackbone target = tiny();
            target.initialize(manager, DataType.FLOAT32, INPUT);
            List<String> unused = BackboneWeights.load(target, file);
            assertEquals(List.of("fc_weight"), unused);
            int i = 0;
            for (Pair<String, Parameter> p : target.getParameters()) {
                assertArrayEquals(tensors.get(i++).values(), p.getValue().getArray().toFloatArray(), p.getKey());
            }
        }
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs() {
        Path file = dir.resolve("pretrained.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNetBackbone a = tiny();
            a.initialize(manager, DataType.FLOAT32, INPUT);
            BackboneWeights.save(a, file);
            ResNetBackbone b = tiny();
            b.initialize(manager, DataType.FLOAT32, INPUT);
            BackboneWeights.load(b, file);
            NDArray x = manager.randomNormal(INPUT);
            NDList outA = a.forward(new ParameterStore(manager, false), new NDList(x), false);
            NDList outB = b.forward(new ParameterStore(manager, false), new NDList(x), false);
            assertArrayEquals(outA.get(3).toFloatArray(), outB.get(3).toFloatArray());
        }
    }

    @Test
    void missingAndMismatchedTensorsAreNamedAndNothingIsLoaded() {
        Path file = dir.resolve("wrong.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            ResNetBackbone target = tiny();
            target.initialize(manager, DataType.FLOAT32, INPUT);
            List<Pair<String, Parameter>> params = target.getParameters().stream().toList();
            String first = params.get(0).getKey();
            String second = params.get(1).getKey();
            Safetensors.write(file, List.of(new NamedTensor(first, new long[] {3}, new float[3])));
            float[] before = params.get(0).getValue().getArray().toFloatArray();
            SafetensorsException e = assertThrows(SafetensorsException.class,
                    () -> BackboneWeights.load(target, file));
            assertTrue(e.getMessage().contains("shape mismatch for " + first), e.getMessage());
            assertTrue(e.getMessage().contains("missing " + second), e.getMessage());
            assertArrayEquals(before, params.get(0).getValue().getArray().toFloatArray());
            Map<String, NamedTensor> unchanged = Safetensors.read(file);
            assertEquals(1, unchanged.size());
        }
    }
}
