package io.defectstudio.training.datasets.imports;

import java.nio.file.Path;

/**
 * One image and class found in a source folder, not yet checked.
 *
 * @param entry the file it came from, relative to the source folder, for reports
 */
public record ImportCandidate(String className, Path imageFile, String entry, MaskSource mask) {
}
