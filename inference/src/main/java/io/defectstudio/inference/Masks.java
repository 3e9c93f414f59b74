package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The mask rule every module outside storage uses (storage's {@code MaskCodec} states the same rule for what it
 * stores; the two modules may not depend on each other): a grey sample at least half its range ({@code >= 128} for
 * 8-bit) is defect; a palette or colour mask is read by its luminance, {@code >= 128}.
 */
public final class Masks {

    private Masks() {}

    /** Per-pixel defect flags (1 = defect), row-major. Palette masks are read through their colours. */
    public static byte[] defectPixels(BufferedImage mask) {
        int w = mask.getWidth();
        byte[] out = new byte[w * mask.getHeight()];
        byte[] row = new byte[w];
        for (int y = 0; y < mask.getHeight(); y++) {
            readRow(mask, y, row);
            System.arraycopy(row, 0, out, y * w, w);
        }
        return out;
    }

    /** The defect flags of row {@code y} into {@code out} (the mask's width), so that large masks need no full copy. */
    public static void readRow(BufferedImage mask, int y, byte[] out) {
        int w = mask.getWidth();
        Raster raster = mask.getRaster();
        boolean grey = raster.getNumBands() == 1 && !(mask.getColorModel() instanceof IndexColorModel);
        if (grey) {
            int half = 1 << (mask.getSampleModel().getSampleSize(0) - 1);
            int[] row = raster.getSamples(0, y, w, 1, 0, (int[]) null);
            for (int x = 0; x < w; x++) {
                out[x] = (byte) (row[x] >= half ? 1 : 0);
            }
            return;
        }
        int[] argb = mask.getRGB(0, y, w, 1, null, 0, w);
        for (int x = 0; x < w; x++) {
            int r = (argb[x] >> 16) & 0xff;
            int g = (argb[x] >> 8) & 0xff;
            int b = argb[x] & 0xff;
            out[x] = (byte) ((299 * r + 587 * g + 114 * b) / 1000 >= 128 ? 1 : 0);
        }
    }

    /** Defect flags as booleans, row-major. */
    public static boolean[] defects(BufferedImage mask) {
        byte[] flags = defectPixels(mask);
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = flags[i] != 0;
        }
        return out;
    }

    /** Number of defect pixels. */
    public static long countDefect(BufferedImage mask) {
        long n = 0;
        for (byte b : defectPixels(mask)) {
            n += b;
        }
        return n;
    }
}
