package io.defectstudio.training.datasets.yolo;

import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.DatasetReader;
import io.defectstudio.training.datasets.imports.Folders;
import io.defectstudio.training.datasets.imports.ImportCandidate;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.PolygonRasteriser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads an Ultralytics YOLO segmentation dataset (see {@link YoloSegWriter}): class names from {@code data.yaml},
 * every {@code labels/.../<stem>.txt} with its image at the same place under {@code images/}. Each polygon line
 * {@code class x1 y1 ...} (normalised) is rasterised at the image's size; a class's polygons make one mask. Box-only
 * lines (YOLO detection labels), unknown class ids and empty label files are reported and skipped, unless
 * {@code checked/} (written by {@link YoloSegWriter}) says which classes an image was checked for: those without
 * objects come in as defect-free.
 */
public final class YoloSegReader implements DatasetReader {
    private static final int MAX_DEPTH = 6;

    public static boolean matches(Path source) {
        return Files.isDirectory(source) && dataYaml(source).isPresent()
                && Files.isDirectory(source.resolve("labels"));
    }

    @Override
    public Candidates read(Path source) throws IOException {
        Candidates out = new Candidates();
        Path yaml = dataYaml(source).orElseThrow();
        List<String> names = YamlNames.parse(Files.readString(yaml, StandardCharsets.UTF_8));
        if (names.isEmpty()) {
            out.skip(Folders.relative(source, yaml), "names no classes");
            return out;
        }
        for (Path label : labelFiles(source.resolve("labels"))) {
            readLabel(source, label, names, out);
        }
        return out;
    }

    private static void readLabel(Path root, Path label, List<String> names, Candidates out) throws IOException {
        String entry = Folders.relative(root, label);
        Optional<Path> image = imageFor(root, label);
        if (image.isEmpty()) {
            out.skip(entry, "no image of that name under images/");
            return;
        }
        Map<String, List<double[]>> byClass = new TreeMap<>();
        List<String> lines = Files.readAllLines(label, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = entry + ":" + (i + 1);
            String[] parts = line.split("\\s+");
            try {
                int id = Integer.parseInt(parts[0]);
                if (id < 0 || id >= names.size() || names.get(id) == null) {
                    out.skip(where, "class id " + id + " is not in data.yaml's names");
                } else if (parts.length == 5) {
                    out.skip(where, "a box (YOLO detection label), not a polygon");
                } else if (parts.length < 7 || parts.length % 2 == 0) {
                    out.skip(where, "a polygon needs at least three x y pairs");
                } else {
                    double[] xy = new double[parts.length - 1];
                    for (int k = 1; k < parts.length; k++) {
                        xy[k - 1] = Double.parseDouble(parts[k]);
                        if (!(xy[k - 1] >= -0.01 && xy[k - 1] <= 1.01)) {
                            throw new NumberFormatException("coordinate " + parts[k] + " is not normalised to 0..1");
                        }
                    }
                    byClass.computeIfAbsent(names.get(id), k -> new ArrayList<>()).add(xy);
                }
            } catch (NumberFormatException e) {
                out.skip(where, "not a label line: " + e.getMessage());
            }
        }
        // Defect Studio's own exports say which classes an image was checked for; the clean ones get empty masks.
        Path checked = root.resolve("checked").resolve(root.resolve("labels").relativize(label));
        if (Files.isRegularFile(checked)) {
            for (String line : Files.readAllLines(checked, StandardCharsets.UTF_8)) {
                String text = line.strip();
                int id = text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
                if (id >= 0 && id < names.size() && names.get(id) != null) {
                    byClass.computeIfAbsent(names.get(id), k -> new ArrayList<>());
                }
            }
        } else if (byClass.isEmpty() && lines.stream().allMatch(String::isBlank)) {
            out.skip(entry, "no objects: YOLO does not say which classes a background image was checked for");
        }
        for (Map.Entry<String, List<double[]>> c : byClass.entrySet()) {
            List<double[]> normalised = c.getValue();
            out.add(new ImportCandidate(c.getKey(), image.get(), entry, (w, h) -> {
                List<double[]> pixels = new ArrayList<>();
                for (double[] n : normalised) {
                    double[] p = new double[n.length];
                    for (int k = 0; k < n.length; k += 2) {
                        p[k] = n[k] * w;
                        p[k + 1] = n[k + 1] * h;
                    }
                    pixels.add(p);
                }
                return PolygonRasteriser.fill(pixels, w, h);
            }, label));
        }
    }

    /** {@code labels/a/b.txt} belongs to {@code images/a/b.<any image extension>}. */
    private static Optional<Path> imageFor(Path root, Path label) throws IOException {
        Path relative = root.resolve("labels").relativize(label);
        Path folder = root.resolve("images").resolve(relative).getParent();
        return ImageFiles.findByStem(folder, ImageFiles.stem(label.getFileName().toString()));
    }

    private static Optional<Path> dataYaml(Path source) {
        for (String name : List.of("data.yaml", "data.yml", "dataset.yaml")) {
            if (Files.isRegularFile(source.resolve(name))) {
                return Optional.of(source.resolve(name));
            }
        }
        return Optional.empty();
    }

    private static List<Path> labelFiles(Path labels) throws IOException {
        try (Stream<Path> s = Files.walk(labels, MAX_DEPTH)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted().toList();
        }
    }
}
