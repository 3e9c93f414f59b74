package io.defectstudio.training.datasets.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * One image and class found in a source folder, not yet checked.
 *
 * @param entry the file it came from, relative to the source folder, for reports
 * @param files every file the entry is built from (image, mask or annotation file), for checksum checks
 */
public record ImportCandidate(String className, Path imageFile, String entry, MaskSource mask, List<Path> files) {
    public ImportCandidate {
        files = List.copyOf(files);
    }

    public ImportCandidate(String className, Path imageFile, String entry, MaskSource mask, Path maskOrAnnotationFile) {
        this(className, imageFile, entry, mask, List.of(imageFile, maskOrAnnotationFile));
    }

    /** A defect-free image: no mask file. */
    public ImportCandidate(String className, Path imageFile, String entry, MaskSource mask) {
        this(className, imageFile, entry, mask, List.of(imageFile));
    }
}
