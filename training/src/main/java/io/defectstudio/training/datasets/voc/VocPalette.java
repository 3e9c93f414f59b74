package io.defectstudio.training.datasets.voc;

import java.awt.image.IndexColorModel;

/** The Pascal VOC colour map: class index i is drawn in the colour its bits spread over red, green and blue. */
final class VocPalette {
    static final int VOID = 255;

    private VocPalette() {
    }

    /** The 0xRRGGBB colour of class index {@code i} (0 = background black, 255 = void). */
    static int rgb(int i) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = i;
        for (int bit = 0; bit < 8; bit++) {
            r |= ((c >> 0) & 1) << (7 - bit);
            g |= ((c >> 1) & 1) << (7 - bit);
            b |= ((c >> 2) & 1) << (7 - bit);
            c >>= 3;
        }
        return (r << 16) | (g << 8) | b;
    }

    static IndexColorModel colorModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            int c = i == VOID ? 0xe0e0c0 : rgb(i);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
