package io.defectstudio.training.episodes;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** A sample stored as an image file and a mask file; a null mask path means a defect-free image. */
public record FileSample(String id, Path imagePath, Path maskPath) implements Sample {

    @Override
    public BufferedImage image() {
        return ImageFiles.readImage(imagePath);
    }

    @Override
    public BufferedImage mask() {
        if (maskPath != null) {
            return ImageFiles.readMask(maskPath);
        }
        BufferedImage image = image();
        return new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    }
}
