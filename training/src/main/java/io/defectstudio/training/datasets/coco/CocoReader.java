package io.defectstudio.training.datasets.coco;

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
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.datasets.io.PolygonRasteriser;
import io.defectstudio.training.datasets.DatasetFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads COCO instance segmentation: an annotation file ({@code annotations.json}, the only {@code .json} in
 * {@code annotations/} or in the folder, or the file given) and images in {@code images/} beside it or beside the
 * file. Segmentations may be compressed RLE, uncompressed RLE or polygons; all instances of one category on one
 * image are merged into that class's mask. Annotations for an unknown image or category, or whose RLE does not
 * fit the image, are reported and skipped; an image whose annotations of a class were all skipped gets no mask for
 * it (an empty one would be a false "defect-free" label). Masks are decoded only once the image file has confirmed
 * the declared size, so a small file declaring huge masks allocates nothing. A {@code file_name} that leads outside
 * the source folder is refused.
 */
public final class CocoReader implements DatasetReader {

    private record CocoImage(int id, String fileName, int width, int height) {
    }

    /** One instance's pixels, decoded once the image's size is confirmed. */
    private interface Part {
        boolean[] pixels(int width, int height) throws InvalidEntryException;
    }

    public static boolean matches(Path source) throws IOException {
        Path json = annotationFile(source);
        if (json == null) {
            return false;
        }
        JsonObject o = parse(json);
        return o != null && o.has("images") && o.has("annotations");
    }

    @Override
    public Candidates read(Path source) throws IOException {
        Path json = annotationFile(source);
        if (json == null) {
            throw new DatasetFormatException("no COCO annotation file in " + source);
        }
        JsonObject root = parse(json);
        if (root == null || !root.has("images") || !root.has("annotations")) {
            throw new DatasetFormatException(json + " is not a COCO annotation file");
        }
        String entry = Folders.relative(source, json);
        Candidates out = new Candidates();
        Map<Integer, String> categories = new HashMap<>();
        if (root.has("categories")) {
            for (JsonElement c : root.getAsJsonArray("categories")) {
                JsonObject o = c.getAsJsonObject();
                categories.put(o.get("id").getAsInt(), o.get("name").getAsString());
            }
        }
        Map<Integer, CocoImage> images = new TreeMap<>();
        Map<Integer, Map<Integer, List<Part>>> parts = new TreeMap<>();
        for (JsonElement e : root.getAsJsonArray("images")) {
            JsonObject o = e.getAsJsonObject();
            CocoImage image = new CocoImage(o.get("id").getAsInt(), o.get("file_name").getAsString(),
                    o.get("width").getAsInt(), o.get("height").getAsInt());
            images.put(image.id(), image);
            Map<Integer, List<Part>> byCategory = parts.computeIfAbsent(image.id(), k -> new TreeMap<>());
            if (o.has("annotated_category_ids")) {
                for (JsonElement c : o.getAsJsonArray("annotated_category_ids")) {
                    byCategory.computeIfAbsent(c.getAsInt(), k -> new ArrayList<>());
                }
            }
        }
        JsonArray annotations = root.getAsJsonArray("annotations");
        for (int i = 0; i < annotations.size(); i++) {
            JsonObject a = annotations.get(i).getAsJsonObject();
            String where = entry + "#annotation " + (a.has("id") ? a.get("id").getAsString() : "[" + i + "]");
            try {
                int imageId = a.get("image_id").getAsInt();
                int categoryId = a.get("category_id").getAsInt();
                CocoImage image = images.get(imageId);
                if (image == null) {
                    out.skip(where, "refers to unknown image id " + imageId);
                } else if (!categories.containsKey(categoryId)) {
                    out.skip(where, "refers to unknown category id " + categoryId);
                } else {
                    Part decoded = part(a.get("segmentation"), image);
                    parts.get(imageId).computeIfAbsent(categoryId, k -> new ArrayList<>()).add(decoded);
                }
            } catch (RuntimeException | InvalidEntryException e) {
                out.skip(where, "malformed annotation: " + e.getMessage());
            }
        }
        Path imageDir = imageFolder(json.getParent());
        Path inside = (Files.isDirectory(source) ? source : json.getParent()).toAbsolutePath().normalize();
        for (CocoImage image : images.values()) {
            Path file = imageDir.resolve(image.fileName()).toAbsolutePath().normalize();
            if (Path.of(image.fileName()).isAbsolute() || !file.startsWith(inside)) {
                out.skip(entry + "#image " + image.id(), "file_name '" + image.fileName()
                        + "' points outside the imported folder; only files inside it are imported");
                continue;
            }
            String imageEntry = Folders.relative(source, file);
            Map<Integer, List<Part>> byCategory = parts.get(image.id());
            if (byCategory.isEmpty()) {
                out.skip(imageEntry, "no annotations and no annotated_category_ids: no class to import it into");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                out.skip(imageEntry, "image file listed in " + entry + " is missing");
                continue;
            }
            for (Map.Entry<Integer, List<Part>> c : byCategory.entrySet()) {
                String className = categories.get(c.getKey());
                if (className == null) {
                    out.skip(imageEntry, "annotated_category_ids names unknown category id " + c.getKey());
                    continue;
                }
                List<Part> instances = c.getValue();
                out.add(new ImportCandidate(className, file, imageEntry, (w, h) -> {
                    if (w != image.width() || h != image.height()) {
                        throw new InvalidEntryException(entry + " says " + image.width() + "x" + image.height()
                                + " but the image is " + w + "x" + h);
                    }
                    boolean[] union = new boolean[w * h];
                    for (Part p : instances) {
                        boolean[] px = p.pixels(w, h);
                        for (int k = 0; k < union.length; k++) {
                            union[k] |= px[k];
                        }
                    }
                    return MaskImages.fromDefects(union, w, h);
                }, json));
            }
        }
        return out;
    }

    private static Part part(JsonElement segmentation, CocoImage image) throws InvalidEntryException {
        if (segmentation == null || segmentation.isJsonNull()) {
            throw new InvalidEntryException("no segmentation");
        }
        if (segmentation.isJsonObject()) {
            JsonObject rle = segmentation.getAsJsonObject();
            JsonArray size = rle.getAsJsonArray("size");
            int h = size.get(0).getAsInt();
            int w = size.get(1).getAsInt();
            if (w != image.width() || h != image.height()) {
                throw new InvalidEntryException("RLE size " + w + "x" + h + " does not match image " + image.width()
                        + "x" + image.height());
            }
            JsonElement counts = rle.get("counts");
            long[] c;
            if (counts.isJsonPrimitive()) {
                c = CocoRle.fromCompressedString(counts.getAsString());
            } else {
                JsonArray list = counts.getAsJsonArray();
                c = new long[list.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = list.get(i).getAsLong();
                }
            }
            CocoRle.check(c, w, h);
            return (width, height) -> CocoRle.decode(c, width, height);
        }
        List<double[]> polygons = new ArrayList<>();
        for (JsonElement poly : segmentation.getAsJsonArray()) {
            JsonArray xy = poly.getAsJsonArray();
            if (xy.size() < 6 || xy.size() % 2 != 0) {
                throw new InvalidEntryException("polygon with " + xy.size() + " coordinates");
            }
            double[] p = new double[xy.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = xy.get(i).getAsDouble();
            }
            polygons.add(p);
        }
        return (w, h) -> MaskImages.defects(PolygonRasteriser.fill(polygons, w, h));
    }

    /** {@code images/} beside the annotation file, or beside its {@code annotations/} folder, else its own folder. */
    private static Path imageFolder(Path base) {
        if (Files.isDirectory(base.resolve("images"))) {
            return base.resolve("images");
        }
        Path parent = base.getParent();
        if (parent != null && base.getFileName().toString().equals("annotations")
                && Files.isDirectory(parent.resolve("images"))) {
            return parent.resolve("images");
        }
        return base;
    }

    private static Path annotationFile(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return source.getFileName().toString().endsWith(".json") ? source : null;
        }
        Path standard = source.resolve("annotations.json");
        if (Files.isRegularFile(standard)) {
            return standard;
        }
        for (Path dir : List.of(source.resolve("annotations"), source)) {
            List<Path> json = Folders.files(dir).stream()
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("manifest.json"))
                    .toList();
            if (json.size() == 1) {
                return json.get(0);
            }
        }
        return null;
    }

    private static JsonObject parse(Path json) throws IOException {
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
