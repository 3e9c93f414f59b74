package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One annotated support image.
 *
 * @param image grey (8 or 16 bit) or RGB, as decoded
 * @param mask {@code TYPE_BYTE_GRAY}, values {@code >= 128} mark the defect; same size as {@code image}
 */
public record SupportExample(BufferedImage image, BufferedImage mask) {

    public SupportExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
    }
}
