package io.defectstudio.training.datasets.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Binary masks as the project stores them: {@code TYPE_BYTE_GRAY}, 0 background, 255 defect. */
public final class MaskImages {
    /** The project-wide rule (docs/architecture.md, benchmark README): an 8-bit value >= 128 is defect. */
    public static final int DEFECT_THRESHOLD = 128;

    private MaskImages() {
    }

    public static BufferedImage empty(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    }

    /**
     * Turns any decoded mask into a binary one. Grey masks (8 or 16 bit) are thresholded at half range,
     * palette masks count every non-zero index as defect, colour masks use their brightest channel.
     */
    public static BufferedImage binarise(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage out = empty(w, h);
        byte[] dst = pixels(out);
        Raster raster = source.getRaster();
        boolean palette = source.getColorModel() instanceof IndexColorModel;
        boolean grey = source.getColorModel().getNumComponents() == 1 && !palette;
        int half = grey ? 1 << (source.getColorModel().getComponentSize(0) - 1) : DEFECT_THRESHOLD;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean defect;
                if (palette) {
                    defect = raster.getSample(x, y, 0) != 0;
                } else if (grey) {
                    defect = raster.getSample(x, y, 0) >= half;
                } else {
                    int rgb = source.getRGB(x, y);
                    int max = Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
                    defect = max >= DEFECT_THRESHOLD;
                }
                if (defect) {
                    dst[y * w + x] = (byte) 255;
                }
            }
        }
        return out;
    }

    /** Row-major pixels of a {@code TYPE_BYTE_GRAY} image (its backing array, not a copy). */
    public static byte[] pixels(BufferedImage mask) {
        if (mask.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("mask must be TYPE_BYTE_GRAY, was type " + mask.getType());
        }
        return ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    }

    /** Defect flags in row-major order, after the >= 128 rule. */
    public static boolean[] defects(BufferedImage mask) {
        BufferedImage binary = mask.getType() == BufferedImage.TYPE_BYTE_GRAY ? mask : binarise(mask);
        byte[] px = pixels(binary);
        boolean[] out = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (px[i] & 0xff) >= DEFECT_THRESHOLD;
        }
        return out;
    }

    public static BufferedImage fromDefects(boolean[] defects, int width, int height) {
        BufferedImage out = empty(width, height);
        byte[] px = pixels(out);
        for (int i = 0; i < defects.length; i++) {
            if (defects[i]) {
                px[i] = (byte) 255;
            }
        }
        return out;
    }

    public static boolean isEmpty(BufferedImage mask) {
        for (boolean d : defects(mask)) {
            if (d) {
                return false;
            }
        }
        return true;
    }

    /** Same size and the same defect pixels under the >= 128 rule. */
    public static boolean sameDefects(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && java.util.Arrays.equals(defects(a), defects(b));
    }
}
