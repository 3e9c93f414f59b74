package io.defectstudio.training.episodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The two data sets of the Defect-8i benchmark in their own layouts under one data directory:
 * {@code magnetic-tile/MT_<Class>/Imgs/<stem>.jpg|.png} (MT_Free = defect-free tiles) and
 * {@code sd-saliency-900/SD-saliency-900/Source Images/<Cls>_<n>.bmp} with {@code Ground truth/<Cls>_<n>.png}.
 * Sample ids are paths relative to the data directory, as in the benchmark's episode lists.
 */
public final class Defect8iSource extends GroupedEpisodeSource {

    public static final String NORMAL_CLASS = "MT_Free";
    private static final String TILES = "magnetic-tile";
    private static final String STEEL = "sd-saliency-900/SD-saliency-900";

    private final Path dataDir;

    private Defect8iSource(Path dataDir) throws IOException {
        super(new TreeMap<>());
        this.dataDir = dataDir;
        Path tiles = dataDir.resolve(TILES);
        Path steel = dataDir.resolve(STEEL);
        if (!Files.isDirectory(tiles) && !Files.isDirectory(steel)) {
            throw new EpisodeDataException("No " + TILES + "/ or " + STEEL + "/ under " + dataDir);
        }
        if (Files.isDirectory(tiles)) {
            try (Stream<Path> dirs = Files.list(tiles)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String name = dir.getFileName().toString();
                    List<Sample> samples = tileSamples(dataDir, dir.resolve("Imgs"));
                    if (name.equals(NORMAL_CLASS)) {
                        normals.addAll(samples);
                    } else if (name.startsWith("MT_") && !samples.isEmpty()) {
                        classes.put(name, samples);
                    }
                }
            }
        }
        if (Files.isDirectory(steel)) {
            addSteel(dataDir, steel);
        }
    }

    /** Opens the data directory; fails with {@link EpisodeDataException} when neither data set is there. */
    public static Defect8iSource open(Path dataDir) {
        try {
            return new Defect8iSource(dataDir);
        } catch (IOException e) {
            throw new EpisodeDataException("Cannot list " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static List<Sample> tileSamples(Path dataDir, Path imgs) throws IOException {
        if (!Files.isDirectory(imgs)) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(imgs)) {
            for (Path image : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                Path mask = withExtension(image, ".png");
                if (Files.isRegularFile(mask)) {
                    samples.add(new FileSample(relative(dataDir, image), image, mask));
                }
            }
        }
        return samples;
    }

    private void addSteel(Path dataDir, Path steel) throws IOException {
        Path images = steel.resolve("Source Images");
        Path truth = steel.resolve("Ground truth");
        try (Stream<Path> files = Files.list(images)) {
            for (Path image : files.filter(p -> p.toString().endsWith(".bmp")).sorted().toList()) {
                String stem = stem(image);
                int underscore = stem.indexOf('_');
                Path mask = truth.resolve(stem + ".png");
                if (underscore > 0 && Files.isRegularFile(mask)) {
                    String name = "Steel_" + stem.substring(0, underscore);
                    classes.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new FileSample(relative(dataDir, image), image, mask));
                }
            }
        }
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Path withExtension(Path file, String extension) {
        return file.resolveSibling(stem(file) + extension);
    }

    @Override
    protected String origin() {
        return dataDir.toString();
    }
}
