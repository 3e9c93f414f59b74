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
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code images/<Class>/<name>} with {@code masks/<Class>/<stem>.png}, the layout {@link PngMaskWriter} writes.
 */
public final class PngMaskReader implements DatasetReader {

    public static boolean matches(Path root) {
        return Files.isDirectory(root.resolve("images")) && Files.isDirectory(root.resolve("masks"));
    }

    @Override
    public Candidates read(Path root) throws IOException {
        Candidates out = new Candidates();
        for (Path classDir : Folders.dirs(root.resolve("images"))) {
            String className = classDir.getFileName().toString();
            Path maskDir = root.resolve("masks").resolve(className);
            Set<String> used = new HashSet<>();
            for (Path image : Folders.files(classDir)) {
                String entry = Folders.relative(root, image);
                String name = image.getFileName().toString();
                if (!ImageFiles.isImageName(name)) {
                    out.skip(entry, "not an image file");
                    continue;
                }
                Path mask = maskDir.resolve(ImageFiles.stem(name) + ".png");
                if (!Files.isRegularFile(mask)) {
                    out.skip(entry, "no mask " + Folders.relative(root, mask));
                    continue;
                }
                used.add(mask.getFileName().toString().toLowerCase(Locale.ROOT));
                out.add(new ImportCandidate(className, image, entry, MaskSource.file(mask), mask));
            }
            for (Path mask : Folders.files(maskDir)) {
                if (!used.contains(mask.getFileName().toString().toLowerCase(Locale.ROOT))) {
                    out.skip(Folders.relative(root, mask), "mask without an image in images/" + className);
                }
            }
        }
        return out;
    }
}
