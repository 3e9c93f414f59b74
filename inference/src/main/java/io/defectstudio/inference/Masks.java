package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Reading binary masks the way every module does: {@code >= 128} (half the range for other bit depths) is defect. */
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
        if (mask.getColorModel() instanceof IndexColorModel) {
            int[] argb = mask.getRGB(0, y, w, 1, null, 0, w);
            for (int x = 0; x < w; x++) {
                int grey = (((argb[x] >> 16) & 0xff) + ((argb[x] >> 8) & 0xff) + (argb[x] & 0xff)) / 3;
                out[x] = (byte) (grey >= 128 ? 1 : 0);
            }
            return;
        }
        Raster raster = mask.getRaster();
        int half = 1 << (mask.getColorModel().getComponentSize(0) - 1);
        int[] row = raster.getSamples(0, y, w, 1, 0, (int[]) null);
        for (int x = 0; x < w; x++) {
            out[x] = (byte) (row[x] >= half ? 1 : 0);
        }
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
