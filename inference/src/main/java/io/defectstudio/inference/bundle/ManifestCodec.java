package io.defectstudio.inference.bundle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.nets.Normalisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code model.json}, rejecting anything incomplete or out of range with a message naming the field.
 */
public final class ManifestCodec {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /** A backbone name, or two joined by '+' (a backbone pair). */
    private static final Pattern BACKBONE = Pattern.compile("[a-z][a-z0-9_-]{0,63}(\\+[a-z][a-z0-9_-]{0,63})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_INPUT_SIZE = 4096;
    private static final int MIN_INPUT_SIZE = 32;
    /** Optional; bundles written before it existed keep their one threshold for every support set. */
    private static final String SUPPORT_THRESHOLD = "thresholdFromSupport";
    /** Optional; bundles written before tiled inference squeeze each image into one input. */
    private static final String DETAIL = "detail";
    private static final String SUPPORT_VIEWS = "supportViews";

    private ManifestCodec() {}

    /** Parses and validates a manifest, weights entry included. {@code source} names the file in messages. */
    public static Manifest parse(String json, String source) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new ModelBundleException(source + " is not a JSON object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelBundleException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        Fields f = new Fields(root, source);
        int formatVersion = f.integer(root, "formatVersion");
        if (formatVersion != Manifest.FORMAT_VERSION) {
            throw new ModelBundleException(source + ": bundle format version " + formatVersion
                    + " is not supported (this build reads version " + Manifest.FORMAT_VERSION + ")");
        }
        JsonObject input = f.object(root, "input");
        JsonObject norm = f.object(root, "normalisation");
        JsonObject training = f.object(root, "training");
        JsonObject weights = f.object(root, "weights");
        String precisionKey = f.string(weights, "precision");
        Manifest.Precision precision = Manifest.Precision.fromKey(precisionKey);
        if (precision == null) {
            throw new ModelBundleException(source + ": weights.precision '" + precisionKey
                    + "' is unknown (expected float32 or float16)");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : f.object(root, "metrics").entrySet()) {
            metrics.put(e.getKey(), f.number(e.getValue(), "metrics." + e.getKey()));
        }
        Manifest m = new Manifest(
                formatVersion,
                f.string(root, "name"),
                f.string(root, "version"),
                f.string(root, "createdAt"),
                f.string(root, "architecture"),
                f.string(root, "backbone"),
                f.integer(input, "width"),
                f.integer(input, "height"),
                new Normalisation(f.floats(norm, "mean"), f.floats(norm, "std")),
                f.number(f.require(root, "threshold"), "threshold"),
                new Manifest.Training(f.strings(training, "classes"), f.strings(training, "datasets"),
                        f.optionalString(training, "notes")),
                metrics,
                new Manifest.Weights(f.string(weights, "file"), f.longValue(weights, "bytes"), precision,
                        f.string(weights, "sha256")),
                supportTuning(root, f, source),
                root.has(SUPPORT_THRESHOLD) && f.bool(root, SUPPORT_THRESHOLD),
                root.has(DETAIL) ? f.integer(root, DETAIL) : 0,
                root.has(SUPPORT_VIEWS) ? f.integer(root, SUPPORT_VIEWS) : 1);
        validateContent(m, source);
        validateWeights(m.weights(), source);
        return m;
    }

    /** Serialises a manifest; its weights entry must be set. */
    public static String toJson(Manifest m) {
        validateContent(m, "manifest");
        validateWeights(m.weights(), "manifest");
        JsonObject root = new JsonObject();
        root.addProperty("formatVersion", m.formatVersion());
        root.addProperty("name", m.name());
        root.addProperty("version", m.version());
        root.addProperty("createdAt", m.createdAt());
        root.addProperty("architecture", m.architecture());
        root.addProperty("backbone", m.backbone());
        JsonObject input = new JsonObject();
        input.addProperty("width", m.inputWidth());
        input.addProperty("height", m.inputHeight());
        root.add("input", input);
        JsonObject norm = new JsonObject();
        norm.add("mean", floats(m.normalisation().mean()));
        norm.add("std", floats(m.normalisation().std()));
        root.add("normalisation", norm);
        root.addProperty("threshold", m.threshold());
        root.addProperty(DETAIL, m.detail());
        if (m.supportViews() > 1) {
            root.addProperty(SUPPORT_VIEWS, m.supportViews());
        }
        JsonObject training = new JsonObject();
        training.add("classes", GSON.toJsonTree(m.training().classes()));
        training.add("datasets", GSON.toJsonTree(m.training().datasets()));
        training.addProperty("notes", m.training().notes());
        root.add("training", training);
        JsonObject metrics = new JsonObject();
        m.metrics().forEach(metrics::addProperty);
        root.add("metrics", metrics);
        JsonObject weights = new JsonObject();
        weights.addProperty("file", m.weights().file());
        weights.addProperty("bytes", m.weights().bytes());
        weights.addProperty("precision", m.weights().precision().key());
        weights.addProperty("sha256", m.weights().sha256());
        root.add("weights", weights);
        if (m.supportTuning().enabled()) {
            JsonObject tuning = new JsonObject();
            tuning.addProperty("steps", m.supportTuning().steps());
            tuning.addProperty("learningRate", m.supportTuning().learningRate());
            root.add("supportTuning", tuning);
        }
        if (m.supportThreshold()) {
            root.addProperty(SUPPORT_THRESHOLD, true);
        }
        return GSON.toJson(root) + "\n";
    }

    /** The optional {@code supportTuning} section; bundles written before it existed do not tune. */
    private static Manifest.SupportTuning supportTuning(JsonObject root, Fields f, String source) {
        if (!root.has("supportTuning")) {
            return Manifest.SupportTuning.NONE;
        }
        JsonObject tuning = f.object(root, "supportTuning");
        int steps = f.integer(tuning, "steps");
        double learningRate = f.number(f.require(tuning, "learningRate"), "supportTuning.learningRate");
        try {
            return new Manifest.SupportTuning(steps, learningRate);
        } catch (ModelBundleException e) {
            throw new ModelBundleException(source + ": " + e.getMessage(), e);
        }
    }

    static void validateContent(Manifest m, String source) {
        require(nonBlank(m.name()), source, "name must not be empty");
        require(nonBlank(m.version()), source, "version must not be empty");
        require(m.architecture() != null && IDENTIFIER.matcher(m.architecture()).matches(), source,
                "architecture '" + m.architecture() + "' is not a valid name");
        require(m.backbone() != null && BACKBONE.matcher(m.backbone()).matches(), source,
                "backbone '" + m.backbone() + "' is not a valid name");
        require(m.inputWidth() >= MIN_INPUT_SIZE && m.inputWidth() <= MAX_INPUT_SIZE
                        && m.inputHeight() >= MIN_INPUT_SIZE && m.inputHeight() <= MAX_INPUT_SIZE, source,
                "input size " + m.inputWidth() + "x" + m.inputHeight() + " is outside " + MIN_INPUT_SIZE + ".."
                        + MAX_INPUT_SIZE);
        Normalisation n = m.normalisation();
        require(n != null && n.mean() != null && n.mean().length == 3 && n.std() != null && n.std().length == 3,
                source, "normalisation needs three mean and three std values");
        for (float s : n.std()) {
            require(s > 0 && Float.isFinite(s), source, "normalisation std values must be positive");
        }
        for (float v : n.mean()) {
            require(Float.isFinite(v), source, "normalisation mean values must be finite");
        }
        require(m.threshold() > 0 && m.threshold() < 1, source, "threshold " + m.threshold() + " is outside (0, 1)");
        require(m.training() != null, source, "training section is missing");
        require(m.detail() >= Math.max(m.inputWidth(), m.inputHeight()) && m.detail() <= InferenceOptions.MAX_DETAIL,
                source, "detail " + m.detail() + " is outside " + Math.max(m.inputWidth(), m.inputHeight()) + ".."
                        + InferenceOptions.MAX_DETAIL + " (the input size up to the largest working scale)");
        require(m.supportViews() >= 1 && m.supportViews() <= Manifest.MAX_SUPPORT_VIEWS, source,
                "supportViews " + m.supportViews() + " is outside 1.." + Manifest.MAX_SUPPORT_VIEWS);
    }

    private static void validateWeights(Manifest.Weights w, String source) {
        require(w != null, source, "weights section is missing");
        require(w.file() != null && FILE_NAME.matcher(w.file()).matches() && !w.file().contains(".."), source,
                "weights.file '" + w.file() + "' must be a plain file name inside the bundle");
        require(w.bytes() > 0, source, "weights.bytes must be positive");
        require(w.precision() != null, source, "weights.precision is missing");
        require(w.sha256() != null && SHA256.matcher(w.sha256()).matches(), source,
                "weights.sha256 must be 64 lower-case hex digits");
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, String source, String problem) {
        if (!ok) {
            throw new ModelBundleException(source + ": " + problem);
        }
    }

    private static JsonArray floats(float[] values) {
        JsonArray a = new JsonArray();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }

    /** Typed field access with errors naming the field. */
    private record Fields(JsonObject root, String source) {

        JsonElement require(JsonObject o, String name) {
            JsonElement e = o.get(name);
            if (e == null || e.isJsonNull()) {
                throw new ModelBundleException(source + ": field '" + name + "' is missing");
            }
            return e;
        }

        JsonObject object(JsonObject o, String name) {
            JsonElement e = require(o, name);
            if (!e.isJsonObject()) {
                throw wrongType(name, "an object");
            }
            return e.getAsJsonObject();
        }

        String string(JsonObject o, String name) {
            JsonElement e = require(o, name);
            if (!(e instanceof JsonPrimitive p) || !p.isString()) {
                throw wrongType(name, "a string");
            }
            return p.getAsString();
        }

        boolean bool(JsonObject o, String name) {
            JsonElement e = require(o, name);
            if (!(e instanceof JsonPrimitive p) || !p.isBoolean()) {
                throw wrongType(name, "true or false");
            }
            return p.getAsBoolean();
        }

        String optionalString(JsonObject o, String name) {
            return o.has(name) ? string(o, name) : "";
        }

        int integer(JsonObject o, String name) {
            long v = longValue(o, name);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw wrongType(name, "a 32-bit integer");
            }
            return (int) v;
        }

        long longValue(JsonObject o, String name) {
            double d = number(require(o, name), name);
            if (d != Math.rint(d)) {
                throw wrongType(name, "an integer");
            }
            return (long) d;
        }

        double number(JsonElement e, String name) {
            if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
                throw wrongType(name, "a number");
            }
            double d = p.getAsDouble();
            if (!Double.isFinite(d)) {
                throw wrongType(name, "a finite number");
            }
            return d;
        }

        float[] floats(JsonObject o, String name) {
            JsonArray a = array(o, name);
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) number(a.get(i), name + "[" + i + "]");
            }
            return out;
        }

        List<String> strings(JsonObject o, String name) {
            JsonArray a = array(o, name);
            List<String> out = new ArrayList<>();
            for (JsonElement e : a) {
                if (!(e instanceof JsonPrimitive p) || !p.isString()) {
                    throw wrongType(name, "a list of strings");
                }
                out.add(p.getAsString());
            }
            return out;
        }

        private JsonArray array(JsonObject o, String name) {
            JsonElement e = require(o, name);
            if (!e.isJsonArray()) {
                throw wrongType(name, "a list");
            }
            return e.getAsJsonArray();
        }

        private ModelBundleException wrongType(String name, String expected) {
            return new ModelBundleException(source + ": field '" + name + "' must be " + expected);
        }
    }
}
