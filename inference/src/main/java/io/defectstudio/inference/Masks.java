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
        int h = mask.getHeight();
        byte[] out = new byte[w * h];
        if (mask.getColorModel() instanceof IndexColorModel) {
            int[] argb = mask.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < out.length; i++) {
                int grey = (((argb[i] >> 16) & 0xff) + ((argb[i] >> 8) & 0xff) + (argb[i] & 0xff)) / 3;
                out[i] = (byte) (grey >= 128 ? 1 : 0);
            }
            return out;
        }
        Raster raster = mask.getRaster();
        int half = 1 << (mask.getColorModel().getComponentSize(0) - 1);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (row[x] >= half ? 1 : 0);
            }
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
