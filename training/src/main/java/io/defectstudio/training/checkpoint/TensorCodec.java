package io.defectstudio.training.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A block's parameters and a list of arrays (the optimizer state) as safetensors entries under a prefix. Loading
 * copies values into the block's existing parameter arrays instead of replacing them: arrays decoded by DJL can share
 * memory with a Java buffer that the garbage collector later frees, which corrupted the native heap of resumed runs.
 */
final class TensorCodec {

    static final String PARAMETER = "parameter/";
    static final String OPTIMIZER = "optimizer/";

    private TensorCodec() {
    }

    static List<Safetensors.Entry> parameters(Block block) {
        List<Safetensors.Entry> entries = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            entries.add(entry(PARAMETER + p.getKey(), p.getValue().getArray()));
        }
        return entries;
    }

    /** The arrays in order, each named {@code optimizer/<index>/<its name>}. */
    static List<Safetensors.Entry> list(NDList arrays) {
        List<Safetensors.Entry> entries = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            NDArray a = arrays.get(i);
            entries.add(entry(OPTIMIZER + i + "/" + (a.getName() == null ? "" : a.getName()), a));
        }
        return entries;
    }

    static void readParameters(Map<String, NamedTensor> tensors, Block block, String source) {
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        long stored = tensors.keySet().stream().filter(k -> k.startsWith(PARAMETER)).count();
        if (stored != parameters.size()) {
            throw new CheckpointException(source + " holds " + stored + " parameters, the model has "
                    + parameters.size());
        }
        for (Pair<String, Parameter> p : parameters) {
            NamedTensor t = tensors.get(PARAMETER + p.getKey());
            NDArray target = p.getValue().getArray();
            if (t == null || !Arrays.equals(t.shape(), target.getShape().getShape())) {
                throw new CheckpointException(source + " holds " + (t == null ? "no " + p.getKey()
                        : p.getKey() + " " + t.shapeText()) + " where the model has " + p.getKey() + " "
                        + target.getShape());
            }
            target.set(FloatBuffer.wrap(t.values()));
        }
    }

    /** Reads the {@code optimizer/} arrays, in index order, into fresh engine-owned copies on {@code manager}. */
    static NDList readList(Map<String, NamedTensor> tensors, NDManager manager) {
        List<NamedTensor> stored = new ArrayList<>();
        for (Map.Entry<String, NamedTensor> e : tensors.entrySet()) {
            if (e.getKey().startsWith(OPTIMIZER)) {
                stored.add(e.getValue());
            }
        }
        stored.sort((a, b) -> Integer.compare(index(a.name()), index(b.name())));
        NDList list = new NDList(stored.size());
        for (NamedTensor t : stored) {
            NDArray array = manager.zeros(new Shape(t.shape()), DataType.FLOAT32);
            array.set(FloatBuffer.wrap(t.values()));
            NDArray owned = array.duplicate();
            array.close();
            String rest = t.name().substring(OPTIMIZER.length());
            owned.setName(rest.substring(rest.indexOf('/') + 1));
            list.add(owned);
        }
        return list;
    }

    private static int index(String name) {
        String rest = name.substring(OPTIMIZER.length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
    }

    private static Safetensors.Entry entry(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new CheckpointException(name + " is " + array.getDataType() + "; checkpoints hold float32");
        }
        return Safetensors.Entry.of(new NamedTensor(name, array.getShape().getShape(), array.toFloatArray()));
    }
}
