package io.defectstudio.training.datasets.labelme;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.DatasetReader;
import io.defectstudio.training.datasets.imports.Folders;
import io.defectstudio.training.datasets.imports.ImportCandidate;
import io.defectstudio.training.datasets.io.InvalidEntryException;
import io.defectstudio.training.datasets.io.PolygonRasteriser;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads labelme annotation files ({@code *.json} with {@code shapes}, {@code imagePath}, {@code imageWidth},
 * {@code imageHeight}) anywhere under the source folder. Each shape label becomes a class; its polygons and
 * rectangles are rasterised, and its "mask" shapes (a PNG over the shape's box, labelme 5.3 and later) painted, into
 * one mask. {@code imagePath} is resolved against the JSON file's folder; an
 * embedded {@code imageData} is not used (the image file must be there). Other shape types are skipped and reported.
 */
public final class LabelmeReader implements DatasetReader {
    private static final int MAX_DEPTH = 4;

    public static boolean matches(Path source) throws IOException {
        for (Path json : jsonFiles(source)) {
            JsonObject o = parse(json);
            if (o != null && o.has("shapes") && o.has("imagePath")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Candidates read(Path source) throws IOException {
        Candidates out = new Candidates();
        for (Path json : jsonFiles(source)) {
            readFile(source, json, out);
        }
        return out;
    }

    private static void readFile(Path root, Path json, Candidates out) throws IOException {
        String entry = Folders.relative(root, json);
        JsonObject o = parse(json);
        if (o == null || !o.has("shapes") || !o.has("imagePath") || !o.get("shapes").isJsonArray()) {
            out.skip(entry, "not a labelme file (needs 'shapes' and 'imagePath')");
            return;
        }
        String imagePath = o.get("imagePath").getAsString().replace('\\', '/');
        Path image = json.getParent().resolve(imagePath).normalize();
        if (!Files.isRegularFile(image)) {
            out.skip(entry, "labelme file points at a missing image " + imagePath);
            return;
        }
        int declaredWidth = o.has("imageWidth") ? o.get("imageWidth").getAsInt() : -1;
        int declaredHeight = o.has("imageHeight") ? o.get("imageHeight").getAsInt() : -1;
        Map<String, List<double[]>> byLabel = new TreeMap<>();
        Map<String, List<Patch>> patches = new TreeMap<>();
        JsonArray shapes = o.getAsJsonArray("shapes");
        for (int i = 0; i < shapes.size(); i++) {
            String where = entry + "#shapes[" + i + "]";
            try {
                JsonObject shape = shapes.get(i).getAsJsonObject();
                String label = shape.get("label").getAsString().trim();
                String type = shape.has("shape_type") && !shape.get("shape_type").isJsonNull()
                        ? shape.get("shape_type").getAsString() : "polygon";
                double[] xy = points(shape.getAsJsonArray("points"));
                if (label.isEmpty() || label.contains("/") || label.contains("\\")) {
                    out.skip(where, "label '" + label + "' cannot be a class name");
                } else if (type.equals("polygon") && xy.length >= 6) {
                    byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(xy);
                } else if (type.equals("mask") && xy.length == 4 && shape.has("mask")
                        && shape.get("mask").isJsonPrimitive()) {
                    patches.computeIfAbsent(label, k -> new ArrayList<>()).add(new Patch((int) Math.floor(xy[0]),
                            (int) Math.floor(xy[1]), Base64.getDecoder().decode(shape.get("mask").getAsString())));
                    byLabel.computeIfAbsent(label, k -> new ArrayList<>());
                } else if (type.equals("rectangle") && xy.length == 4) {
                    byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {
                        xy[0], xy[1], xy[2], xy[1], xy[2], xy[3], xy[0], xy[3]});
                } else {
                    out.skip(where, "shape type '" + type + "' with " + xy.length / 2 + " points is not supported");
                }
            } catch (RuntimeException e) {
                out.skip(where, "malformed shape: " + e.getMessage());
            }
        }
        // Defect Studio's own files flag the classes an image was checked for: those without shapes are clean.
        if (o.has("flags") && o.get("flags").isJsonObject()) {
            for (Map.Entry<String, JsonElement> flag : o.getAsJsonObject("flags").entrySet()) {
                if (flag.getKey().startsWith(LabelmeWriter.CHECKED_FLAG) && flag.getValue().isJsonPrimitive()
                        && flag.getValue().getAsBoolean()) {
                    byLabel.computeIfAbsent(flag.getKey().substring(LabelmeWriter.CHECKED_FLAG.length()),
                            k -> new ArrayList<>());
                }
            }
        }
        for (Map.Entry<String, List<double[]>> label : byLabel.entrySet()) {
            List<double[]> polygons = label.getValue();
            List<Patch> masks = patches.getOrDefault(label.getKey(), List.of());
            out.add(new ImportCandidate(label.getKey(), image, entry, (w, h) -> {
                if ((declaredWidth >= 0 && declaredWidth != w) || (declaredHeight >= 0 && declaredHeight != h)) {
                    throw new InvalidEntryException("labelme file says " + declaredWidth + "x" + declaredHeight
                            + " but the image is " + w + "x" + h);
                }
                BufferedImage mask = PolygonRasteriser.fill(polygons, w, h);
                for (Patch patch : masks) {
                    patch.paint(mask);
                }
                return mask;
            }, json));
        }
    }

    /** A labelme "mask" shape: a PNG of its box's size, placed at the box's top-left corner. */
    private record Patch(int x, int y, byte[] png) {
        void paint(BufferedImage mask) throws InvalidEntryException {
            BufferedImage patch;
            try {
                patch = ImageIO.read(new ByteArrayInputStream(png));
            } catch (IOException e) {
                throw new InvalidEntryException("a mask shape's PNG cannot be read: " + e.getMessage());
            }
            if (patch == null) {
                throw new InvalidEntryException("a mask shape holds no PNG");
            }
            Raster in = patch.getRaster();
            for (int py = 0; py < patch.getHeight(); py++) {
                for (int px = 0; px < patch.getWidth(); px++) {
                    int mx = x + px;
                    int my = y + py;
                    if (in.getSample(px, py, 0) != 0 && mx >= 0 && my >= 0 && mx < mask.getWidth()
                            && my < mask.getHeight()) {
                        mask.getRaster().setSample(mx, my, 0, 255);
                    }
                }
            }
        }
    }

    private static double[] points(JsonArray points) {
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            JsonArray p = points.get(i).getAsJsonArray();
            xy[2 * i] = p.get(0).getAsDouble();
            xy[2 * i + 1] = p.get(1).getAsDouble();
        }
        return xy;
    }

    private static JsonObject parse(Path json) throws IOException {
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException | CharacterCodingException e) {
            return null;
        }
    }

    private static List<Path> jsonFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> s = Files.walk(source, MAX_DEPTH)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("manifest.json"))
                    .sorted()
                    .toList();
        }
    }
}
