package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.InvalidEntryException;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Produces an entry's binary mask once its image's size is known (polygons and RLE need it). */
@FunctionalInterface
public interface MaskSource {
    BufferedImage load(int imageWidth, int imageHeight) throws InvalidEntryException;

    static MaskSource file(Path maskFile) {
        return (w, h) -> ImageFiles.readMask(maskFile, w, h);
    }

    static MaskSource empty() {
        return MaskImages::empty;
    }
}
