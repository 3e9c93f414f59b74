package io.defectstudio.storage.images;

import java.awt.image.BufferedImage;

/**
 * Pixels as the rest of the product sees them: {@code TYPE_BYTE_GRAY}, {@code TYPE_USHORT_GRAY}, {@code TYPE_INT_RGB}
 * or, for 16-bit colour, a three-band {@code short} raster; alpha is dropped.
 */
public record DecodedImage(BufferedImage image, ImageFormat format, int bitDepth, int channels) {
}
