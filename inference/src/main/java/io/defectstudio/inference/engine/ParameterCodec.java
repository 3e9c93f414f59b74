package io.defectstudio.inference.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundleException;
import io.defectstudio.inference.bundle.WeightsFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies an initialised block's parameters (BatchNorm running statistics included) to and from a weights file. */
public final class ParameterCodec {

    private ParameterCodec() {}

    /** Snapshot of a block's parameters in the given storage precision. */
    public static WeightsFile toWeights(Block block, String architecture, String backbone, Manifest.Precision p) {
        List<WeightsFile.Tensor> tensors = new ArrayList<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + entry.getKey() + " is not initialised");
            }
            NDArray array = parameter.getArray();
            try (NDManager scope = array.getManager().newSubManager()) {
                NDArray onCpu = array.toDevice(Device.cpu(), true);
                onCpu.attach(scope);
                NDArray stored = onCpu.toType(p == Manifest.Precision.FLOAT16 ? DataType.FLOAT16 : DataType.FLOAT32,
                        false);
                ByteBuffer little = ByteBuffer.allocate((int) stored.size() * p.bytesPerValue())
                        .order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer data = reorder(stored.toByteBuffer().order(ByteOrder.nativeOrder()), little, p);
                tensors.add(new WeightsFile.Tensor(entry.getKey(), array.getShape().getShape(), data));
            }
        }
        return new WeightsFile(architecture, backbone, p, tensors);
    }

    /**
     * Loads weights into an initialised block, after checking that names and shapes match one to one and that every
     * value is finite (a NaN or infinite weight makes every prediction wrong, silently).
     *
     * @throws ModelBundleException naming the first parameter that does not fit
     */
    public static void load(WeightsFile weights, Block block, String source) {
        Map<String, WeightsFile.Tensor> byName = new HashMap<>();
        for (WeightsFile.Tensor t : weights.tensors()) {
            byName.put(t.name(), t);
        }
        String network = weights.architecture() + "/" + weights.backbone();
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        for (Pair<String, Parameter> entry : parameters) {
            WeightsFile.Tensor t = byName.get(entry.getKey());
            if (t == null) {
                throw new ModelBundleException(source + ": does not fit the " + network + " network: parameter '"
                        + entry.getKey() + "' is missing from the weights");
            }
            long[] expected = entry.getValue().getArray().getShape().getShape();
            if (!Arrays.equals(expected, t.shape())) {
                throw new ModelBundleException(source + ": does not fit the " + network + " network: parameter '"
                        + entry.getKey() + "' has shape " + new Shape(t.shape()) + " in the weights but "
                        + new Shape(expected) + " in the network");
            }
            long bad = firstNonFinite(t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN), weights.precision());
            if (bad >= 0) {
                throw new ModelBundleException(source + ": parameter '" + entry.getKey() + "' holds a NaN or"
                        + " infinite value (element " + bad + "); the weights are damaged or the training diverged");
            }
        }
        if (byName.size() != parameters.size()) {
            throw new ModelBundleException(source + ": does not fit the " + network + " network: the weights hold "
                    + byName.size() + " tensors, the network has " + parameters.size() + " parameters");
        }
        boolean grad = EngineSetup.disableGrad();
        try {
            for (Pair<String, Parameter> entry : parameters) {
                NDArray target = entry.getValue().getArray();
                WeightsFile.Tensor t = byName.get(entry.getKey());
                try (NDManager scope = target.getManager().newSubManager(Device.cpu())) {
                    DataType type = weights.precision() == Manifest.Precision.FLOAT16
                            ? DataType.FLOAT16
                            : DataType.FLOAT32;
                    ByteBuffer direct = reorder(t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN),
                            ByteBuffer.allocateDirect(t.data().remaining()).order(ByteOrder.nativeOrder()),
                            weights.precision());
                    NDArray value = scope.create(direct, new Shape(t.shape()), type)
                            .toType(target.getDataType(), false)
                            .toDevice(target.getDevice(), false);
                    value.copyTo(target);
                }
            }
        } finally {
            EngineSetup.restoreGrad(grad);
        }
    }

    /** The index of the first NaN or infinite value, or -1. */
    private static long firstNonFinite(ByteBuffer data, Manifest.Precision p) {
        for (long i = 0; data.hasRemaining(); i++) {
            boolean finite = p == Manifest.Precision.FLOAT16
                    ? (data.getShort() & 0x7c00) != 0x7c00
                    : Float.isFinite(data.getFloat());
            if (!finite) {
                return i;
            }
        }
        return -1;
    }

    /** Copies values between byte orders (the file is little-endian, the engine uses the platform's order). */
    private static ByteBuffer reorder(ByteBuffer from, ByteBuffer to, Manifest.Precision p) {
        if (p == Manifest.Precision.FLOAT16) {
            while (from.hasRemaining()) {
                to.putShort(from.getShort());
            }
        } else {
            while (from.hasRemaining()) {
                to.putFloat(from.getFloat());
            }
        }
        return to.flip();
    }
}
