package io.defectstudio.inference.testing;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Random;

/** Synthetic images: a textured grey surface with a bright scratch, and its mask. */
public final class TestImages {

    private TestImages() {}

    /** 8-bit grey surface; pixels inside the rectangle are bright. */
    public static BufferedImage grey(int w, int h, long seed, int x0, int y0, int x1, int y1) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean defect = x >= x0 && x < x1 && y >= y0 && y < y1;
                r.setSample(x, y, 0, defect ? 220 + rnd.nextInt(30) : 60 + rnd.nextInt(40));
            }
        }
        return img;
    }

    /** The same picture stored as 16-bit grey (value * 257, so it spans the same relative range). */
    public static BufferedImage to16Bit(BufferedImage grey8) {
        BufferedImage img = new BufferedImage(grey8.getWidth(), grey8.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < grey8.getHeight(); y++) {
            for (int x = 0; x < grey8.getWidth(); x++) {
                img.getRaster().setSample(x, y, 0, grey8.getRaster().getSample(x, y, 0) * 257);
            }
        }
        return img;
    }

    /** The same picture as 14-bit camera data in a 16-bit image: {@code v * 16383 / 255}. */
    public static BufferedImage to14Bit(BufferedImage grey8) {
        BufferedImage img = new BufferedImage(grey8.getWidth(), grey8.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < grey8.getHeight(); y++) {
            for (int x = 0; x < grey8.getWidth(); x++) {
                img.getRaster().setSample(x, y, 0, Math.round(grey8.getRaster().getSample(x, y, 0) * 16383f / 255));
            }
        }
        return img;
    }

    /** The bytes of an 8-bit grey image. */
    public static byte[] bytes(BufferedImage grey8) {
        return ((java.awt.image.DataBufferByte) grey8.getRaster().getDataBuffer()).getData();
    }

    /** The same picture as RGB with equal channels. */
    public static BufferedImage toRgb(BufferedImage grey8) {
        BufferedImage img = new BufferedImage(grey8.getWidth(), grey8.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < grey8.getHeight(); y++) {
            for (int x = 0; x < grey8.getWidth(); x++) {
                int v = grey8.getRaster().getSample(x, y, 0);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return img;
    }

    /** A mask with 255 inside the rectangle. */
    public static BufferedImage mask(int w, int h, int x0, int y0, int x1, int y1) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m.getRaster().setSample(x, y, 0, 255);
            }
        }
        return m;
    }
}
