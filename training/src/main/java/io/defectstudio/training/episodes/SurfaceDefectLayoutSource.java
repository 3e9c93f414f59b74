package io.defectstudio.training.episodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Surface Defect-4i / FSSD-12 layout: {@code <Class>/Images/<stem>.jpg}, {@code <Class>/GT/<stem>.png} and
 * {@code <Class>/Nd/*} (defect-free images). Fold files live in {@code data_list/<train|val|test>/fold_<f>_*.txt}, one
 * {@code image [mask]} pair of root-relative paths per line; files whose name says "clean", "normal" or "nd" list
 * defect-free images. The class of a listed image is its first path component.
 */
public final class SurfaceDefectLayoutSource extends GroupedEpisodeSource {

    private static final String[] IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"};

    private final Path root;

    private SurfaceDefectLayoutSource(Path root) throws IOException {
        super(new TreeMap<>());
        this.root = root;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d.resolve("Images"))).sorted().toList()) {
                List<Sample> samples = classSamples(dir);
                if (!samples.isEmpty()) {
                    classes.put(dir.getFileName().toString(), samples);
                }
                Path nd = dir.resolve("Nd");
                if (Files.isDirectory(nd)) {
                    for (Path image : imagesIn(nd)) {
                        normals.add(new FileSample(Defect8iSource.relative(root, image), image, null));
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new EpisodeDataException("No <Class>/Images + <Class>/GT folders under " + root);
        }
    }

    /** Opens a root folder in this layout; fails with {@link EpisodeDataException} when it holds no class. */
    public static SurfaceDefectLayoutSource open(Path root) {
        try {
            return new SurfaceDefectLayoutSource(root);
        } catch (IOException e) {
            throw new EpisodeDataException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private List<Sample> classSamples(Path dir) throws IOException {
        Path gt = dir.resolve("GT");
        List<Sample> samples = new ArrayList<>();
        for (Path image : imagesIn(dir.resolve("Images"))) {
            Path mask = gt.resolve(Defect8iSource.stem(image) + ".png");
            if (Files.isRegularFile(mask)) {
                samples.add(new FileSample(Defect8iSource.relative(root, image), image, mask));
            }
        }
        return samples;
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(SurfaceDefectLayoutSource::isImage).sorted().toList();
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : IMAGE_EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The split of {@code data_list} for one fold: classes listed in the train files train, classes listed in the
     * val/test files test. Fails when the lists are missing or the two sets overlap.
     */
    public FoldSplit foldSplit(int fold) {
        Set<String> train = listedClasses(fold, "train");
        Set<String> test = listedClasses(fold, "test");
        test.addAll(listedClasses(fold, "val"));
        if (train.isEmpty() || test.isEmpty()) {
            throw new EpisodeDataException("No data_list/{train,val|test}/fold_" + fold + "_*.txt under " + root);
        }
        return new FoldSplit(fold, List.copyOf(train), List.copyOf(test));
    }

    private Set<String> listedClasses(int fold, String phase) {
        Path dir = root.resolve("data_list").resolve(phase);
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path list : files.sorted().toList()) {
                String file = list.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!file.startsWith("fold_" + fold + "_") || isNormalList(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(list)) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty()) {
                        String image = trimmed.split("\\s+")[0].replace('\\', '/');
                        String first = image.startsWith("/") ? image.substring(1) : image;
                        names.add(first.substring(0, Math.max(first.indexOf('/'), 0)));
                    }
                }
            }
        } catch (IOException e) {
            throw new EpisodeDataException("Cannot read fold lists in " + dir + ": " + e.getMessage(), e);
        }
        names.remove("");
        return names;
    }

    private static boolean isNormalList(String fileName) {
        return fileName.contains("clean") || fileName.contains("normal") || fileName.contains("_nd");
    }

    @Override
    protected String origin() {
        return root.toString();
    }
}
