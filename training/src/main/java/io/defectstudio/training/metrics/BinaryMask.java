package io.defectstudio.training.metrics;

import io.defectstudio.inference.Masks;
import java.awt.image.BufferedImage;

/** A defect/background mask: one boolean per pixel, row-major. */
public final class BinaryMask {


    private final int width;
    private final int height;
    private final boolean[] defect;

    public BinaryMask(int width, int height, boolean[] defect) {
        if (defect.length != width * height) {
            throw new IllegalArgumentException("Need " + width * height + " pixels, got " + defect.length);
        }
        this.width = width;
        this.height = height;
        this.defect = defect;
    }

    /** A mask read by the product's one rule ({@link Masks}: {@code >= 128}, half the range for 16-bit). */
    public static BinaryMask fromGray(BufferedImage mask) {
        return new BinaryMask(mask.getWidth(), mask.getHeight(), Masks.defects(mask));
    }

    /** Nearest-neighbour resize (pixel centres), e.g. a prediction back to the query's original size. */
    public BinaryMask resizeNearest(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        boolean[] out = new boolean[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / newHeight));
            for (int x = 0; x < newWidth; x++) {
                int sx = Math.min(width - 1, (int) ((x + 0.5) * width / newWidth));
                out[y * newWidth + x] = defect[sy * width + sx];
            }
        }
        return new BinaryMask(newWidth, newHeight, out);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isDefect(int x, int y) {
        return defect[y * width + x];
    }

    /** Number of defect pixels. */
    public long area() {
        long n = 0;
        for (boolean d : defect) {
            if (d) {
                n++;
            }
        }
        return n;
    }

    boolean[] pixels() {
        return defect;
    }
}
