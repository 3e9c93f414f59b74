package io.defectstudio.training.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Loads a mask on demand, so a large selection never holds every mask in memory at once. */
@FunctionalInterface
public interface MaskLoader {
    /** @return a {@code TYPE_BYTE_GRAY} mask, 0 = background, 255 = defect, same size as its image */
    BufferedImage load() throws IOException;
}
