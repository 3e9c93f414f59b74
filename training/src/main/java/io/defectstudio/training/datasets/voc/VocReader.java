package io.defectstudio.training.datasets.voc;

import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.DatasetReader;
import io.defectstudio.training.datasets.imports.Folders;
import io.defectstudio.training.datasets.imports.ImportCandidate;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.InvalidEntryException;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads Pascal VOC semantic segmentation (see {@link VocWriter}; CVAT's "Segmentation mask" export): every
 * {@code SegmentationClass/<stem>.png} with its image {@code JPEGImages/<stem>.*}. A palette PNG's pixel index is its
 * class (not its grey level: palette colours are not luminances); an RGB PNG's colour is looked up in
 * {@code labelmap.txt}. Index 0 (background) and 255 (VOC's "void" border) are not defects. Class names come from
 * {@code labelmap.txt}, in its order; without one they are "class 1", "class 2"... Each class present on an image
 * becomes a candidate, and so does each class {@code checked/<stem>.txt} lists without pixels (a clean image).
 */
public final class VocReader implements DatasetReader {
    private static final Pattern LABEL = Pattern.compile("(.+):(\\d+),(\\d+),(\\d+):[^:]*:[^:]*");

    public static boolean matches(Path source) {
        return Files.isDirectory(source.resolve("SegmentationClass"))
                && Files.isDirectory(source.resolve("JPEGImages"));
    }

    @Override
    public Candidates read(Path source) throws IOException {
        Candidates out = new Candidates();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, Integer> indexOfColour = new HashMap<>();
        readLabelmap(source.resolve("labelmap.txt"), names, indexOfColour);
        for (Path mask : masks(source.resolve("SegmentationClass"))) {
            String entry = Folders.relative(source, mask);
            String stem = ImageFiles.stem(mask.getFileName().toString());
            Optional<Path> image = ImageFiles.findByStem(source.resolve("JPEGImages"), stem);
            if (image.isEmpty()) {
                out.skip(entry, "no image " + stem + ".* in JPEGImages/");
                continue;
            }
            int[] indices;
            try {
                indices = indices(mask, indexOfColour);
            } catch (InvalidEntryException e) {
                out.skip(entry, e.getMessage());
                continue;
            }
            TreeSet<Integer> classes = new TreeSet<>();
            for (int i : indices) {
                if (i != 0 && i != VocPalette.VOID) {
                    classes.add(i);
                }
            }
            Path checked = source.resolve("checked").resolve(stem + ".txt");
            if (Files.isRegularFile(checked)) {
                for (String line : Files.readAllLines(checked, StandardCharsets.UTF_8)) {
                    if (line.strip().matches("\\d{1,3}")) {
                        classes.add(Integer.parseInt(line.strip()));
                    }
                }
            }
            for (int index : classes) {
                String name = names.getOrDefault(index, "class " + index);
                int[] pixels = indices;
                out.add(new ImportCandidate(name, image.get(), entry + "#" + index, (w, h) -> {
                    if (pixels.length != w * h) {
                        throw new InvalidEntryException("the mask is not the image's size (" + w + "x" + h + ")");
                    }
                    boolean[] defects = new boolean[pixels.length];
                    for (int p = 0; p < pixels.length; p++) {
                        defects[p] = pixels[p] == index;
                    }
                    return MaskImages.fromDefects(defects, w, h);
                }, mask));
            }
        }
        return out;
    }

    /** The class index of every pixel: a palette PNG's indices, or an RGB PNG's colours looked up in the labelmap. */
    private static int[] indices(Path mask, Map<Integer, Integer> indexOfColour) throws IOException,
            InvalidEntryException {
        BufferedImage image = ImageIO.read(mask.toFile());
        if (image == null) {
            throw new InvalidEntryException("not a readable PNG");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        if (image.getColorModel() instanceof IndexColorModel) {
            Raster raster = image.getRaster();
            raster.getSamples(0, 0, w, h, 0, out);
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                Integer index = rgb == 0 ? Integer.valueOf(0) : indexOfColour.get(rgb);
                if (index == null) {
                    throw new InvalidEntryException(String.format("colour #%06x at %d,%d is no class of labelmap.txt",
                            rgb, x, y));
                }
                out[y * w + x] = index;
            }
        }
        return out;
    }

    private static void readLabelmap(Path file, Map<Integer, String> names, Map<Integer, Integer> indexOfColour)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int index = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = LABEL.matcher(line.strip());
            if (line.strip().startsWith("#") || !m.matches()) {
                continue;
            }
            int rgb = (Integer.parseInt(m.group(2)) << 16) | (Integer.parseInt(m.group(3)) << 8)
                    | Integer.parseInt(m.group(4));
            if (index > 0) {
                names.put(index, m.group(1));
                indexOfColour.put(rgb, index);
            }
            index++;
        }
    }

    private static List<Path> masks(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList();
        }
    }
}
