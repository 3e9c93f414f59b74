package io.defectstudio.training.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image with its mask for one defect class: the unit that is exported and imported.
 * An all-zero mask means the image was checked and shows no defect of this class.
 *
 * @param imageName  the image's original file name (for example {@code exp1_num_108719.jpg})
 * @param imageFile  where its original bytes are; exports copy them unchanged
 * @param recordedSha256 the SHA-256 the project recorded for those bytes (its content address), which an export
 *     checks them against; null for items that come from outside a project
 */
public record DatasetItem(String className, String imageName, Path imageFile, MaskLoader mask, Provenance provenance,
        String recordedSha256) {

    /** An item from outside a project, with no recorded checksum. */
    public DatasetItem(String className, String imageName, Path imageFile, MaskLoader mask, Provenance provenance) {
        this(className, imageName, imageFile, mask, provenance, null);
    }

    public DatasetItem {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(imageFile, "imageFile");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(provenance, "provenance");
        if (className.isBlank() || className.contains("/") || className.contains("\\") || className.equals(".")
                || className.equals("..")) {
            throw new IllegalArgumentException("class name must be a plain, non-empty folder name: '" + className
                    + "'");
        }
    }
}
