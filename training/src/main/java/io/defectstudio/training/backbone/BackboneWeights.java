package io.defectstudio.training.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import io.defectstudio.inference.bundle.SafetensorsException;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.BackbonePair;
import io.defectstudio.inference.nets.FewShotNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a backbone's weights to and from safetensors files, so that a backbone pre-trained here can be shipped and a
 * user can bring their own. Tensor names are the backbone's DJL parameter names (e.g.
 * {@code layer1_01ParallelBlock_01SequentialBlock_01Conv2d_weight}); a common prefix such as {@code backbone.} or
 * {@code module.} is stripped, dots are read as underscores, and extra tensors (a classifier, counters) are ignored.
 */
public final class BackboneWeights {

    private static final List<String> PREFIXES = List.of("", "backbone.", "module.", "model.", "backbone_");

    private BackboneWeights() {
    }

    /** Writes every parameter of the (initialised) block, running statistics included, as F32. */
    public static void save(Block backbone, Path file) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (Pair<String, Parameter> p : backbone.getParameters()) {
            NDArray array = p.getValue().getArray();
            tensors.add(new NamedTensor(p.getKey(), array.getShape().getShape(), array.toFloatArray()));
        }
        Safetensors.write(file, tensors);
    }

    /**
     * Loads a safetensors file into an initialised backbone. Every backbone parameter must be present with the same
     * shape; otherwise nothing is changed and a {@link SafetensorsException} lists every missing or mismatched name.
     *
     * @return the names of the file's tensors that were not used
     */
    public static List<String> load(Block backbone, Path file) {
        Map<String, NamedTensor> byName = normalised(Safetensors.read(file));
        List<String> problems = new ArrayList<>();
        Map<Parameter, NamedTensor> matches = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : backbone.getParameters()) {
            NamedTensor tensor = byName.remove(normalise(p.getKey()));
            long[] expected = p.getValue().getArray().getShape().getShape();
            if (tensor == null) {
                problems.add("missing " + p.getKey() + " " + Arrays.toString(expected));
            } else if (!Arrays.equals(expected, tensor.shape())) {
                problems.add("shape mismatch for " + p.getKey() + ": backbone " + Arrays.toString(expected)
                        + ", file " + tensor.shapeText());
            } else {
                matches.put(p.getValue(), tensor);
            }
        }
        if (!problems.isEmpty()) {
            throw new SafetensorsException(file + " does not fit this backbone (" + problems.size() + " problems; "
                    + "the file has " + (matches.size() + byName.size()) + " usable tensors):\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "\n  ..." : ""));
        }
        matches.forEach((parameter, tensor) -> parameter.getArray().set(FloatBuffer.wrap(tensor.values())));
        return new ArrayList<>(byName.keySet());
    }

    /** Writes the backbone of a bundle's network to {@code file}, as pre-trained weights for a new run. */
    public static void saveFromBundle(ModelBundle bundle, Path file) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = NetworkLoader.load(bundle, manager, Architectures::create);
            save(net.backbone(), file);
        }
    }

    /** Whether ImageNet-derived weights ship for this backbone name ({@link #loadShipped}). */
    public static boolean shipped(String backboneName) {
        if (BackbonePair.isPair(backboneName)) {
            return Arrays.stream(backboneName.split("\\+")).allMatch(BackboneWeights::shipped);
        }
        return BackboneWeights.class.getResource(shippedResource(backboneName)) != null;
    }

    /**
     * Loads the ImageNet-derived weights that ship with the product into an initialised backbone (see the credits
     * next to the resource).
     *
     * @throws SafetensorsException when none ship for this backbone or they do not fit it
     */
    public static void loadShipped(Backbone backbone) {
        if (backbone instanceof BackbonePair pair) {
            loadShipped(pair.first());
            loadShipped(pair.second());
            return;
        }
        String resource = shippedResource(backbone.name());
        try (InputStream in = BackboneWeights.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SafetensorsException("no shipped weights for backbone " + backbone.name());
            }
            Path copy = Files.createTempFile("backbone-", ".safetensors");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                load(backbone, copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new SafetensorsException("Cannot read the shipped weights " + resource + ": " + e.getMessage(), e);
        }
    }

    private static String shippedResource(String backboneName) {
        return "/io/defectstudio/training/backbones/" + backboneName + ".safetensors";
    }

    private static Map<String, NamedTensor> normalised(Map<String, NamedTensor> tensors) {
        Map<String, NamedTensor> out = new LinkedHashMap<>();
        for (NamedTensor t : tensors.values()) {
            out.put(normalise(stripPrefix(t.name())), t);
        }
        return out;
    }

    private static String stripPrefix(String name) {
        for (String prefix : PREFIXES) {
            if (!prefix.isEmpty() && name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static String normalise(String name) {
        return name.replace('.', '_');
    }
}
