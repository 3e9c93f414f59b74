package io.defectstudio.training.episodes;

import java.awt.image.BufferedImage;

/** One annotated image of a defect class (or a defect-free image, whose mask is all background). */
public interface Sample {

    /** A stable identifier (a relative path or a database id), used in logs and to keep query and supports apart. */
    String id();

    /** The image as decoded (8-bit grey, 16-bit grey or RGB). */
    BufferedImage image();

    /** The mask, {@code TYPE_BYTE_GRAY}, same size as the image; defect where the value is >= 128. */
    BufferedImage mask();
}
