package io.defectstudio.training.backbone;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor name to {@code dtype}, {@code shape} and {@code data_offsets [begin, end)} relative to the byte after the
 * header, then the raw little-endian data. F32, F16 and BF16 tensors are read (as float32); other dtypes (e.g. the
 * I64 {@code num_batches_tracked} of PyTorch BatchNorm) are skipped. Writing uses F32.
 */
public final class Safetensors {

    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private Safetensors() {
    }

    /** Reads every floating-point tensor, in header order. */
    public static Map<String, NamedTensor> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
                throw new SafetensorsException(file + " is not a safetensors file (header length " + headerLength
                        + ", file size " + size + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8, file);
            JsonObject json = parseHeader(new String(header.array(), StandardCharsets.UTF_8), file);
            long dataStart = 8 + headerLength;
            Map<String, NamedTensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
                if (entry.getKey().equals("__metadata__")) {
                    continue;
                }
                NamedTensor tensor = readTensor(channel, entry.getKey(), entry.getValue(), dataStart, size, file);
                if (tensor != null) {
                    tensors.put(tensor.name(), tensor);
                }
            }
            return tensors;
        } catch (IOException e) {
            throw new SafetensorsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject parseHeader(String text, Path file) {
        try {
            JsonElement element = new Gson().fromJson(text.strip(), JsonElement.class);
            if (element == null || !element.isJsonObject()) {
                throw new SafetensorsException(file + ": the safetensors header is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SafetensorsException(file + ": the safetensors header is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static NamedTensor readTensor(
            FileChannel channel, String name, JsonElement spec, long dataStart, long fileSize, Path file)
            throws IOException {
        if (!spec.isJsonObject()) {
            throw new SafetensorsException(file + ": entry " + name + " is not an object");
        }
        JsonObject o = spec.getAsJsonObject();
        String dtype = o.has("dtype") ? o.get("dtype").getAsString() : "";
        int width = switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> 0;
        };
        if (width == 0) {
            return null;
        }
        JsonArray shapeJson = o.getAsJsonArray("shape");
        JsonArray offsets = o.getAsJsonArray("data_offsets");
        if (shapeJson == null || offsets == null || offsets.size() != 2) {
            throw new SafetensorsException(file + ": entry " + name + " lacks shape or data_offsets");
        }
        long[] shape = new long[shapeJson.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
            count *= shape[i];
        }
        long begin = offsets.get(0).getAsLong();
        long end = offsets.get(1).getAsLong();
        if (begin < 0 || end < begin || end - begin != count * width || dataStart + end > fileSize) {
            throw new SafetensorsException(file + ": entry " + name + " has data_offsets [" + begin + ", " + end
                    + ") that do not fit " + dtype + " " + count + " values within the file");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, raw, dataStart + begin, file);
        raw.flip();
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case "F32" -> raw.getFloat();
                case "F16" -> halfToFloat(raw.getShort());
                default -> Float.intBitsToFloat((raw.getShort() & 0xFFFF) << 16);
            };
        }
        return new NamedTensor(name, shape, values);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new SafetensorsException(file + " is truncated");
            }
            at += n;
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

    /** Writes tensors as F32, in list order, atomically (a temporary file moved into place). */
    public static void write(Path file, List<NamedTensor> tensors) {
        JsonObject header = new JsonObject();
        long offset = 0;
        for (NamedTensor t : tensors) {
            JsonObject spec = new JsonObject();
            spec.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            spec.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 4L * t.values().length;
            offsets.add(offset);
            spec.add("data_offsets", offsets);
            header.add(t.name(), spec);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            out.write(head.array());
            for (NamedTensor t : tensors) {
                ByteBuffer data = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(t.values());
                out.write(data.array());
            }
        } catch (IOException e) {
            throw new SafetensorsException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SafetensorsException("Cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
