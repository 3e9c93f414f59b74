package io.defectstudio.training.augment;

import java.awt.image.BufferedImage;

/** An image and its mask after the same geometric transform. */
public record AugmentedPair(BufferedImage image, BufferedImage mask) {
}
