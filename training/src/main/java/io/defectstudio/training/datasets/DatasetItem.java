package io.defectstudio.training.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image with its mask for one defect class: the unit that is exported and imported.
 * An all-zero mask means the image was checked and shows no defect of this class.
 *
 * @param imageName  the image's original file name (for example {@code exp1_num_108719.jpg})
 * @param imageFile  where its original bytes are; exports copy them unchanged
 */
public record DatasetItem(String className, String imageName, Path imageFile, MaskLoader mask, Provenance provenance) {

    public DatasetItem {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(imageFile, "imageFile");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(provenance, "provenance");
        if (className.isBlank() || className.contains("/") || className.contains("\\") || className.equals(".")
                || className.equals("..")) {
            throw new IllegalArgumentException("class name must be a plain, non-empty folder name: '" + className + "'");
        }
    }
}
