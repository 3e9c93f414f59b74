package io.defectstudio.inference;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The one mapping from stored samples to intensities in [0, 1], shared by the networks (in training, eval and the app),
 * the canvas's default window and the thumbnails: a sample is divided by the full scale of the bits the image
 * actually uses, never fewer than 8. An 8-bit image reads as {@code v / 255}; a 16-bit image whose largest value is
 * 16383 (14-bit camera data in a 16-bit file) as {@code v / 16383}, so that it looks and segments like the same picture
 * stored in 8 bits, where dividing by 65535 would hand the network a nearly black image. A 16-bit image whose every
 * sample is a multiple of 257 is an 8-bit picture widened to the full 16-bit range (as image tools convert), and
 * reads as {@code v / 65535}, which is again its 8-bit original.
 */
public final class IntensityScale {

    private IntensityScale() {}

    /** The raw value that maps to 1.0: 255 for 8-bit and palette images, {@code 2^bits - 1} for deeper ones. */
    public static int fullScale(BufferedImage image) {
        if (!isDeep(image)) {
            return 255;
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int colourBands = colourBands(image);
        int[] row = new int[w];
        int max = 0;
        boolean widened = true;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int b = 0; b < colourBands; b++) {
                raster.getSamples(0, y, w, 1, b, row);
                for (int v : row) {
                    max = Math.max(max, v);
                    widened &= v % 257 == 0;
                }
            }
        }
        if (widened) {
            return (int) ((1L << image.getColorModel().getComponentSize(0)) - 1);
        }
        int bits = Math.max(8, 32 - Integer.numberOfLeadingZeros(max));
        return (int) ((1L << bits) - 1);
    }

    /**
     * The image in 8 bits by this mapping, for drawing (thumbnails, previews): itself when it has 8 bits already, else
     * a grey or RGB copy. Alpha is dropped.
     */
    public static BufferedImage toEightBit(BufferedImage image) {
        if (!isDeep(image)) {
            return image;
        }
        int bands = colourBands(image);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                bands == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        double scale = 255.0 / fullScale(image);
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int b = 0; b < bands; b++) {
                image.getRaster().getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    row[x] = (int) Math.min(255, Math.round(row[x] * scale));
                }
                out.getRaster().setSamples(0, y, w, 1, b, row);
            }
        }
        return out;
    }

    /** Whether samples are read straight from the raster (grey or RGB, not a palette) and hold more than 8 bits. */
    static boolean isDeep(BufferedImage image) {
        return isDirect(image) && image.getColorModel().getComponentSize(0) > 8;
    }

    /** Grey or RGB samples that can be read band by band; palettes and other colour spaces go through sRGB. */
    public static boolean isDirect(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        int type = cm.getColorSpace().getType();
        boolean grey = type == ColorSpace.TYPE_GRAY;
        boolean rgb = type == ColorSpace.TYPE_RGB && image.getRaster().getNumBands() >= 3;
        return (grey || rgb) && !(cm instanceof IndexColorModel);
    }

    /** 1 for grey, 3 for colour; alpha is never an intensity. */
    public static int colourBands(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY ? 1 : 3;
    }
}
