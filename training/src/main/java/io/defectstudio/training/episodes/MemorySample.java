package io.defectstudio.training.episodes;

import java.awt.image.BufferedImage;

/** A sample made in memory (a synthetic episode's image), not read from a file or a project. */
public record MemorySample(String id, BufferedImage image, BufferedImage mask) implements Sample {

    public MemorySample {
        if (image.getWidth() != mask.getWidth() || image.getHeight() != mask.getHeight()) {
            throw new IllegalArgumentException("Mask " + mask.getWidth() + "x" + mask.getHeight()
                    + " does not match image " + image.getWidth() + "x" + image.getHeight());
        }
    }
}
