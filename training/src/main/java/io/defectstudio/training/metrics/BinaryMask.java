package io.defectstudio.training.metrics;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** A defect/background mask: one boolean per pixel, row-major. */
public final class BinaryMask {

    /** The benchmark's rule: an 8-bit mask pixel is defect where its value is >= 128. */
    public static final int DEFECT_THRESHOLD = 128;

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

    /** Thresholds the first band of a grey mask at {@link #DEFECT_THRESHOLD} (8-bit) or 32768 (16-bit). */
    public static BinaryMask fromGray(BufferedImage mask) {
        Raster raster = mask.getRaster();
        int bits = raster.getSampleModel().getSampleSize(0);
        int threshold = DEFECT_THRESHOLD << Math.max(0, bits - 8);
        int w = mask.getWidth();
        int h = mask.getHeight();
        int[] row = new int[w];
        boolean[] defect = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                defect[y * w + x] = row[x] >= threshold;
            }
        }
        return new BinaryMask(w, h, defect);
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
