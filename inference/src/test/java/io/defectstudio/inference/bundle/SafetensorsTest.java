package io.defectstudio.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void f32RoundTrip() {
        Path file = dir.resolve("w.safetensors");
        NamedTensor a = new NamedTensor("conv.weight", new long[] {2, 1, 1, 2}, new float[] {1.5f, -2f, 3e-8f, 7f});
        NamedTensor b = new NamedTensor("bias", new long[] {3}, new float[] {0f, -0f, Float.MAX_VALUE});
        Safetensors.write(file, List.of(a, b));
        Map<String, NamedTensor> read = Safetensors.read(file);
        assertEquals(List.of("conv.weight", "bias"), List.copyOf(read.keySet()));
        assertArrayEquals(a.values(), read.get("conv.weight").values());
        assertArrayEquals(new long[] {2, 1, 1, 2}, read.get("conv.weight").shape());
        assertArrayEquals(b.values(), read.get("bias").values());
    }

    @Test
    void readsF16AndBf16AndSkipsIntegerTensors() throws Exception {
        // Hand-written file: h = F16 [1.0, -2.5, 65504, 2^-24], b = BF16 [1.0, -3.0], n = I64 [7].
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[12,20]}}";
        ByteBuffer data = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC100).putShort((short) 0x7BFF).putShort((short) 0x0001);
        data.putShort((short) 0x3F80).putShort((short) 0xC040);
        data.putLong(7);
        Path file = dir.resolve("half.safetensors");
        Files.write(file, file(header, data.array()));
        Map<String, NamedTensor> read = Safetensors.read(file);
        assertArrayEquals(new float[] {1f, -2.5f, 65504f, 0x1p-24f}, read.get("h").values());
        assertArrayEquals(new float[] {1f, -3f}, read.get("b").values());
        assertFalse(read.containsKey("n"));
    }

    @Test
    void malformedFilesAreTypedErrors() throws Exception {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        assertThrows(SafetensorsException.class, () -> Safetensors.read(file));
        Files.write(file, file("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]));
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        Files.write(file, file("not json", new byte[0]));
        assertThrows(SafetensorsException.class, () -> Safetensors.read(file));
    }

    private static byte[] file(String header, byte[] data) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.write(json);
        out.write(data);
        return out.toByteArray();
    }
}
