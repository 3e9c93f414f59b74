package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.DatasetReader;
import io.defectstudio.training.datasets.imports.Folders;
import io.defectstudio.training.datasets.imports.ImportCandidate;
import io.defectstudio.training.datasets.imports.MaskSource;
import io.defectstudio.training.datasets.io.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads folders of image and mask pairs, one folder per class, the images in the folder itself or in
 * {@code Imgs/}: the magnetic-tile layout {@code MT_<Class>/Imgs/<stem>.jpg + <stem>.png} and the demo subset's
 * {@code MT_<Class>/<stem>.jpg + <stem>.png}. The mask is the PNG with the image's stem; the image is the file of
 * another format with that stem. The folder name is the class name (so MT_Free becomes a class whose masks are
 * all zero; leave it out of training classes there).
 */
public final class ImagePairReader implements DatasetReader {

    public static boolean matches(Path root) throws IOException {
        for (Path c : Folders.dirs(root)) {
            if (!pairs(folder(c)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Candidates read(Path root) throws IOException {
        Candidates out = new Candidates();
        for (Path classDir : Folders.dirs(root)) {
            Path dir = folder(classDir);
            String className = classDir.getFileName().toString();
            Map<String, List<Path>> byStem = byStem(dir);
            for (List<Path> group : byStem.values()) {
                Path mask = group.stream().filter(p -> isPng(p)).findFirst().orElse(null);
                List<Path> images = group.stream().filter(p -> !isPng(p)).toList();
                if (mask != null && images.size() == 1) {
                    Path image = images.get(0);
                    out.add(new ImportCandidate(className, image, Folders.relative(root, image), MaskSource.file(mask),
                            mask));
                } else if (images.size() > 1) {
                    images.forEach(i -> out.skip(Folders.relative(root, i),
                            "several images share the stem of one mask"));
                } else if (mask == null) {
                    images.forEach(i -> out.skip(Folders.relative(root, i), "no mask " + ImageFiles.stem(
                            i.getFileName().toString()) + ".png beside it"));
                } else {
                    out.skip(Folders.relative(root, mask), "PNG without an image of another format beside it");
                }
            }
        }
        return out;
    }

    private static Path folder(Path classDir) {
        Path imgs = classDir.resolve("Imgs");
        return Files.isDirectory(imgs) ? imgs : classDir;
    }

    private static Map<String, List<Path>> byStem(Path dir) throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        for (Path f : Folders.files(dir)) {
            String name = f.getFileName().toString();
            if (ImageFiles.isImageName(name)) {
                out.computeIfAbsent(ImageFiles.stem(name), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    private static List<String> pairs(Path dir) throws IOException {
        List<String> stems = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : byStem(dir).entrySet()) {
            boolean png = e.getValue().stream().anyMatch(ImagePairReader::isPng);
            boolean other = e.getValue().stream().anyMatch(p -> !isPng(p));
            if (png && other) {
                stems.add(e.getKey());
            }
        }
        return stems;
    }

    private static boolean isPng(Path p) {
        return ImageFiles.extension(p.getFileName().toString()).toLowerCase(Locale.ROOT).equals("png");
    }
}
