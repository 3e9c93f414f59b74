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
 * Reads Surface Defect-4i and FSSD-12 folders: {@code <Class>/Images/<name>} with {@code <Class>/GT/<stem>.png},
 * and defect-free {@code <Class>/Nd/<name>} (imported with an all-zero mask). The data_list files are not needed:
 * the folders say everything, so a layout whose lists were lost or edited still imports.
 */
public final class ClassFolderReader implements DatasetReader {

    /** True when some folder under {@code root} has an {@code Images} and a {@code GT} folder. */
    public static boolean matches(Path root) throws IOException {
        for (Path c : Folders.dirs(root)) {
            if (Files.isDirectory(c.resolve("Images")) && Files.isDirectory(c.resolve("GT"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Candidates read(Path root) throws IOException {
        Candidates out = new Candidates();
        for (Path classDir : Folders.dirs(root)) {
            Path images = classDir.resolve("Images");
            Path gt = classDir.resolve("GT");
            Path nd = classDir.resolve("Nd");
            if (!Files.isDirectory(images) && !Files.isDirectory(nd)) {
                continue;
            }
            String className = classDir.getFileName().toString();
            Set<String> usedMasks = new HashSet<>();
            for (Path image : Folders.files(images)) {
                String name = image.getFileName().toString();
                String entry = Folders.relative(root, image);
                if (!ImageFiles.isImageName(name)) {
                    out.skip(entry, "not an image file");
                    continue;
                }
                Path mask = gt.resolve(ImageFiles.stem(name) + ".png");
                if (!Files.isRegularFile(mask)) {
                    out.skip(entry, "no mask " + Folders.relative(root, mask));
                    continue;
                }
                usedMasks.add(mask.getFileName().toString().toLowerCase(Locale.ROOT));
                out.add(new ImportCandidate(className, image, entry, MaskSource.file(mask), mask));
            }
            for (Path mask : Folders.files(gt)) {
                if (!usedMasks.contains(mask.getFileName().toString().toLowerCase(Locale.ROOT))) {
                    out.skip(Folders.relative(root, mask), "mask without an image in " + className + "/Images");
                }
            }
            for (Path image : Folders.files(nd)) {
                String entry = Folders.relative(root, image);
                if (!ImageFiles.isImageName(image.getFileName().toString())) {
                    out.skip(entry, "not an image file");
                    continue;
                }
                out.add(new ImportCandidate(className, image, entry, MaskSource.empty()));
            }
        }
        return out;
    }
}
