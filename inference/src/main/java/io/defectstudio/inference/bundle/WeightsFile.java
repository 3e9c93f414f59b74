package io.defectstudio.inference.bundle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a bundle as plain Java data: named tensors in float32 or float16, little-endian. Parsing happens
 * entirely in Java, after the checksum check, so the native engine only ever sees complete, well-formed tensors.
 *
 * <p>Written as {@link Safetensors}, with the architecture, backbone and precision in its metadata. Bundles written
 * before that hold the older layout, which is still read: {@code "DSWEIGHT"}, int format version, UTF architecture,
 * UTF backbone, byte precision (0 = float32, 1 = float16), int tensor count, then per tensor: UTF name, byte rank,
 * rank longs of shape, raw values.
 *
 * @param architecture architecture the weights were saved from
 * @param backbone backbone the weights were saved from
 * @param precision storage precision of every tensor
 * @param tensors tensors in the network's parameter order
 */
public record WeightsFile(String architecture, String backbone, Manifest.Precision precision, List<Tensor> tensors) {

    private static final byte[] LEGACY_MAGIC = "DSWEIGHT".getBytes(StandardCharsets.US_ASCII);
    private static final int LEGACY_VERSION = 1;
    private static final String FORMAT = "defect-studio-weights";
    private static final int MAX_RANK = 8;

    public WeightsFile {
        tensors = List.copyOf(tensors);
    }

    /**
     * One named tensor.
     *
     * @param name parameter path, e.g. {@code 01backbone_02conv_weight}
     * @param shape dimensions
     * @param data little-endian values in the file's precision, positioned at 0
     */
    public record Tensor(String name, long[] shape, ByteBuffer data) {

        public long elements() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    /** Serialises the weights as safetensors. */
    public byte[] toBytes() {
        Safetensors.DType dtype = dtype(precision);
        List<Safetensors.Entry> entries = tensors.stream()
                .map(t -> new Safetensors.Entry(t.name(), dtype, t.shape(), t.data().duplicate())).toList();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("architecture", architecture);
        metadata.put("backbone", backbone);
        metadata.put("precision", precision.name());
        return Safetensors.encode(entries, metadata);
    }

    private static Safetensors.DType dtype(Manifest.Precision precision) {
        return precision == Manifest.Precision.FLOAT16 ? Safetensors.DType.F16 : Safetensors.DType.F32;
    }

    /**
     * Parses weights whose size and checksum have already been checked, safetensors or the older layout; {@code
     * source} names the file in errors.
     */
    public static WeightsFile parse(byte[] bytes, String source) {
        if (bytes.length >= LEGACY_MAGIC.length
                && Arrays.equals(Arrays.copyOf(bytes, LEGACY_MAGIC.length), LEGACY_MAGIC)) {
            return parseLegacy(bytes, source);
        }
        if (!Safetensors.looksLike(bytes)) {
            throw new ModelBundleException(source + " is not a Defect Studio weights file");
        }
        Safetensors.Contents contents;
        try {
            contents = Safetensors.decode(bytes, source);
        } catch (SafetensorsException e) {
            throw new ModelBundleException(e.getMessage(), e);
        }
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format")) || meta.get("architecture") == null || meta.get("backbone") == null) {
            throw new ModelBundleException(source + " holds tensors but not a bundle's weights (its metadata names no"
                    + " architecture and backbone)");
        }
        Manifest.Precision precision;
        try {
            precision = Manifest.Precision.valueOf(meta.getOrDefault("precision", ""));
        } catch (IllegalArgumentException e) {
            throw new ModelBundleException(source + ": unknown weights precision " + meta.get("precision"), e);
        }
        List<Tensor> tensors = new ArrayList<>();
        for (Safetensors.Entry e : contents.entries()) {
            if (e.dtype() != dtype(precision)) {
                throw new ModelBundleException(source + ": tensor " + e.name() + " is " + e.dtype() + ", the file's"
                        + " precision is " + precision);
            }
            tensors.add(new Tensor(e.name(), e.shape(), e.data()));
        }
        return new WeightsFile(meta.get("architecture"), meta.get("backbone"), precision, tensors);
    }

    private static WeightsFile parseLegacy(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        try {
            in.position(LEGACY_MAGIC.length);
            int version = in.getInt();
            if (version != LEGACY_VERSION) {
                throw new ModelBundleException(source + ": weights format version " + version
                        + " is not supported (this build reads version " + LEGACY_VERSION + ")");
            }
            String architecture = utf(in);
            String backbone = utf(in);
            int precisionCode = in.get();
            if (precisionCode < 0 || precisionCode >= Manifest.Precision.values().length) {
                throw new ModelBundleException(source + ": unknown weights precision code " + precisionCode);
            }
            Manifest.Precision precision = Manifest.Precision.values()[precisionCode];
            int count = in.getInt();
            if (count < 0 || count > 100_000) {
                throw new ModelBundleException(source + ": implausible tensor count " + count);
            }
            List<Tensor> tensors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = utf(in);
                int rank = in.get();
                if (rank < 0 || rank > MAX_RANK) {
                    throw new ModelBundleException(source + ": tensor " + name + " has implausible rank " + rank);
                }
                long[] shape = new long[rank];
                long elements = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.getLong();
                    if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                        throw new ModelBundleException(source + ": tensor " + name + " has dimension " + shape[d]);
                    }
                    elements = Math.multiplyExact(elements, shape[d]);
                }
                long size = elements * precision.bytesPerValue();
                if (size > in.remaining()) {
                    throw new ModelBundleException(source + ": tensor " + name + " needs " + size
                            + " bytes but only " + in.remaining() + " remain (file truncated)");
                }
                ByteBuffer data = in.slice().limit((int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) size);
                tensors.add(new Tensor(name, shape, data));
            }
            if (in.hasRemaining()) {
                throw new ModelBundleException(source + ": " + in.remaining()
                        + " unexpected bytes after the last tensor");
            }
            return new WeightsFile(architecture, backbone, precision, tensors);
        } catch (BufferUnderflowException | ArithmeticException e) {
            throw new ModelBundleException(source + " ends early or is malformed (file truncated?)", e);
        }
    }

    private static String utf(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] raw = new byte[length];
        in.get(raw);
        // DataOutputStream writes modified UTF-8; names are ASCII, for which it equals UTF-8.
        return new String(raw, StandardCharsets.UTF_8);
    }
}
