package io.defectstudio.training.datasets.io;

import io.defectstudio.inference.Masks;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Binary masks as the project stores them: {@code TYPE_BYTE_GRAY}, 0 background, 255 defect. Grey masks follow the
 * product's one rule ({@link Masks}); palette and colour masks that datasets bring follow their formats' conventions.
 */
public final class MaskImages {
    /** A dataset's colour mask marks a defect where its brightest channel reaches this. */
    private static final int COLOUR_THRESHOLD = 128;

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
        byte[] greyRow = new byte[w];
        for (int y = 0; y < h; y++) {
            if (grey) {
                Masks.readRow(source, y, greyRow);
            }
            for (int x = 0; x < w; x++) {
                boolean defect;
                if (palette) {
                    defect = raster.getSample(x, y, 0) != 0;
                } else if (grey) {
                    defect = greyRow[x] != 0;
                } else {
                    int rgb = source.getRGB(x, y);
                    int max = Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
                    defect = max >= COLOUR_THRESHOLD;
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

    /** Defect flags in row-major order, after {@link #binarise}. */
    public static boolean[] defects(BufferedImage mask) {
        return Masks.defects(mask.getType() == BufferedImage.TYPE_BYTE_GRAY ? mask : binarise(mask));
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

    /** Same size and the same defect pixels. */
    public static boolean sameDefects(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && java.util.Arrays.equals(defects(a), defects(b));
    }
}
