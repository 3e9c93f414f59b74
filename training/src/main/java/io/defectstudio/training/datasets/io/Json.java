package io.defectstudio.training.datasets.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON output with a fixed key order: documents are built from {@code JsonObject}s, which keep insertion order,
 * so the same data always gives the same bytes.
 */
public final class Json {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    public static byte[] pretty(JsonElement element) {
        return (PRETTY.toJson(element) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] compact(JsonElement element) {
        return (COMPACT.toJson(element) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static JsonElement string(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    public static JsonElement time(Instant value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.toString());
    }
}
