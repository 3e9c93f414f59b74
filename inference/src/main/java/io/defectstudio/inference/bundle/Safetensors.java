package io.defectstudio.inference.bundle;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's one weights format, safetensors, for bundles, checkpoints and backbones alike: an 8-byte
 * little-endian header length N, N bytes of JSON mapping each tensor name to {@code dtype}, {@code shape} and
 * {@code data_offsets [begin, end)} relative to the byte after the header, then the raw little-endian data; free-form
 * strings go in {@code __metadata__}. Every offset is checked against the file before a byte is read. F32, F16 and
 * BF16 tensors are read; other dtypes (e.g. the I64 {@code num_batches_tracked} of PyTorch BatchNorm) are skipped.
 */
public final class Safetensors {

    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /** The stored number formats this build reads and writes. */
    public enum DType {
        F32(4), F16(2), BF16(2);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    /**
     * One stored tensor.
     *
     * @param data little-endian values of {@code dtype}, positioned at 0
     */
    public record Entry(String name, DType dtype, long[] shape, ByteBuffer data) {

        public long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        /** A float32 tensor as an entry. */
        public static Entry of(NamedTensor t) {
            ByteBuffer data = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(t.values());
            return new Entry(t.name(), DType.F32, t.shape(), data);
        }

        /** The values as float32, whatever the stored dtype. */
        public NamedTensor toFloats() {
            ByteBuffer raw = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[Math.toIntExact(elements())];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (dtype) {
                    case F32 -> raw.getFloat();
                    case F16 -> halfToFloat(raw.getShort());
                    case BF16 -> Float.intBitsToFloat((raw.getShort() & 0xFFFF) << 16);
                };
            }
            return new NamedTensor(name, shape, values);
        }
    }

    /** A file's tensors, in header order, and its metadata. */
    public record Contents(Map<String, String> metadata, List<Entry> entries) {

        /** Every tensor as float32, by name, in header order. */
        public Map<String, NamedTensor> floats() {
            Map<String, NamedTensor> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                out.put(e.name(), e.toFloats());
            }
            return out;
        }
    }

    /** Whether {@code bytes} start like a safetensors file (a plausible header length, then a JSON object). */
    public static boolean looksLike(byte[] bytes) {
        if (bytes.length < 10) {
            return false;
        }
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return length > 0 && length <= bytes.length - 8 && bytes[8] == '{';
    }

    /** Serialises {@code entries} in list order, with {@code metadata} in the header. */
    public static byte[] encode(List<Entry> entries, Map<String, String> metadata) {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add(METADATA, meta);
        }
        long offset = 0;
        for (Entry e : entries) {
            long size = e.elements() * e.dtype().bytes();
            if (e.data().remaining() != size) {
                throw new IllegalArgumentException("tensor " + e.name() + " holds " + e.data().remaining()
                        + " bytes, its shape needs " + size);
            }
            JsonObject spec = new JsonObject();
            spec.addProperty("dtype", e.dtype().name());
            JsonArray shape = new JsonArray();
            for (long d : e.shape()) {
                shape.add(d);
            }
            spec.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += size;
            offsets.add(offset);
            spec.add("data_offsets", offsets);
            header.add(e.name(), spec);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        while (out.position() < 8 + padded) {
            out.put((byte) ' ');
        }
        for (Entry e : entries) {
            out.put(e.data().duplicate());
        }
        return out.array();
    }

    /**
     * Parses a whole file; {@code source} names it in errors.
     *
     * @throws SafetensorsException for anything malformed: a header that is not JSON, offsets outside the data
     */
    public static Contents decode(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new SafetensorsException(source + " is not a safetensors file (" + bytes.length + " bytes)");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
            throw new SafetensorsException(source + " is not a safetensors file (header length " + headerLength
                    + ", file size " + bytes.length + ")");
        }
        JsonObject json = parseHeader(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8), source);
        long dataStart = 8 + headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                if (e.getValue().isJsonObject()) {
                    e.getValue().getAsJsonObject().entrySet().forEach(m -> metadata.put(m.getKey(),
                            m.getValue().isJsonPrimitive() ? m.getValue().getAsString() : m.getValue().toString()));
                }
                continue;
            }
            Entry entry = entry(bytes, e.getKey(), e.getValue(), dataStart, source);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new Contents(metadata, entries);
    }

    private static JsonObject parseHeader(String text, String source) {
        try {
            JsonElement element = new Gson().fromJson(text.strip(), JsonElement.class);
            if (element == null || !element.isJsonObject()) {
                throw new SafetensorsException(source + ": the safetensors header is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SafetensorsException(source + ": the safetensors header is not valid JSON: " + e.getMessage(),
                    e);
        }
    }

    private static Entry entry(byte[] bytes, String name, JsonElement spec, long dataStart, String source) {
        if (!spec.isJsonObject()) {
            throw new SafetensorsException(source + ": entry " + name + " is not an object");
        }
        JsonObject o = spec.getAsJsonObject();
        DType dtype;
        try {
            dtype = DType.valueOf(o.has("dtype") ? o.get("dtype").getAsString() : "");
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
        JsonArray shapeJson = o.getAsJsonArray("shape");
        JsonArray offsets = o.getAsJsonArray("data_offsets");
        if (shapeJson == null || offsets == null || offsets.size() != 2) {
            throw new SafetensorsException(source + ": entry " + name + " lacks shape or data_offsets");
        }
        long[] shape = new long[shapeJson.size()];
        long count = 1;
        try {
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsLong();
                if (shape[i] < 0) {
                    throw new SafetensorsException(source + ": entry " + name + " has dimension " + shape[i]);
                }
                count = Math.multiplyExact(count, shape[i]);
            }
        } catch (ArithmeticException e) {
            throw new SafetensorsException(source + ": entry " + name + " has an implausible shape", e);
        }
        long begin = offsets.get(0).getAsLong();
        long end = offsets.get(1).getAsLong();
        if (begin < 0 || end < begin || end - begin != count * dtype.bytes() || dataStart + end > bytes.length) {
            throw new SafetensorsException(source + ": entry " + name + " has data_offsets [" + begin + ", " + end
                    + ") that do not fit " + dtype + " " + count + " values within the file");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) (dataStart + begin), (int) (end - begin)).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new Entry(name, dtype, shape, data);
    }

    /** Reads a file whole ({@link #decode}). */
    public static Contents readFile(Path file) {
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new SafetensorsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every floating-point tensor as float32, in header order. */
    public static Map<String, NamedTensor> read(Path file) {
        return readFile(file).floats();
    }

    /** Writes float32 tensors in list order, atomically (a temporary file moved into place). */
    public static void write(Path file, List<NamedTensor> tensors) {
        write(file, tensors.stream().map(Entry::of).toList(), Map.of());
    }

    /** Writes entries and metadata atomically (a temporary file moved into place). */
    public static void write(Path file, List<Entry> entries, Map<String, String> metadata) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, encode(entries, metadata));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SafetensorsException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** IEEE 754 half precision to float, subnormals, infinities and NaN included. */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
