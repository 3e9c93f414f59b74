package io.defectstudio.training.episodes;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads images and masks from files, with a typed error for anything unreadable. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Reads an image as decoded (grey or RGB, any bit depth ImageIO supports). */
    public static BufferedImage readImage(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new EpisodeDataException("Not a readable image: " + path);
            }
            return image;
        } catch (IOException e) {
            throw new EpisodeDataException("Cannot read image " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a mask as 8-bit grey; colour masks are converted by luminance. Defect where the value is >= 128. */
    public static BufferedImage readMask(Path path) {
        return toGrey(readImage(path));
    }

    /** The image as 8-bit grey: returned as is when it already is, otherwise converted (by luminance for colour). */
    public static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }
}
