package io.defectstudio.app.canvas;

import io.defectstudio.inference.IntensityScale;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;

/**
 * The raw samples of an image prepared for display: grey images keep their bit depth (8 or 16) so {@link WindowLevel}
 * can window 16-bit data; colour images keep RGB, read through {@link IntensityScale}. Rendering goes to BGRA bytes
 * through a lookup table. The default window is the model's own view of the image ({@link IntensityScale}), so that
 * the inspector judges a prediction on the picture the network saw.
 */
public final class DisplayImage {
    private final int width;
    private final int height;
    private final int bitDepth;
    private final int fullScale;
    private final short[] grey;      // grey samples (8 or 16 bit), null for colour
    private final int[] rgb;         // packed RGB, null for grey

    private DisplayImage(int width, int height, int bitDepth, int fullScale, short[] grey, int[] rgb) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.fullScale = fullScale;
        this.grey = grey;
        this.rgb = rgb;
    }

    public static DisplayImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Raster raster = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            short[] data = ((DataBufferUShort) raster.getDataBuffer()).getData();
            return new DisplayImage(w, h, 16, IntensityScale.fullScale(img),
                    data.length == w * h ? data.clone() : samples(raster, w, h), null);
        }
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            short[] s = new short[w * h];
            if (data.length == s.length) {
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) (data[i] & 0xFF);
                }
            } else {
                s = samples(raster, w, h);
            }
            return new DisplayImage(w, h, 8, 255, s, null);
        }
        if (raster.getNumBands() == 1) {
            int depth = img.getSampleModel().getSampleSize(0);
            return new DisplayImage(w, h, depth > 8 ? 16 : 8, depth > 8 ? IntensityScale.fullScale(img) : 255,
                    samples(raster, w, h), null);
        }
        return new DisplayImage(w, h, 8, 255, null, IntensityScale.toEightBit(img).getRGB(0, 0, w, h, null, 0, w));
    }

    private static short[] samples(Raster raster, int w, int h) {
        int[] s = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        short[] out = new short[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (short) s[i];
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bitDepth() {
        return bitDepth;
    }

    public boolean isSixteenBit() {
        return bitDepth == 16;
    }

    /** The default window: the model's mapping, 0 up to the {@link IntensityScale#fullScale} of the image. */
    public WindowLevel defaultWindow() {
        return new WindowLevel(0, fullScale, 0, 1);
    }

    /** Opaque BGRA bytes of the whole image through {@code level}. */
    public byte[] renderBgra(WindowLevel level) {
        byte[] out = new byte[width * height * 4];
        if (grey != null) {
            byte[] lut = level.lookupTable(1 << bitDepth);
            int mask = (1 << bitDepth) - 1;
            for (int i = 0, o = 0; i < grey.length; i++, o += 4) {
                byte v = lut[grey[i] & mask];
                out[o] = v;
                out[o + 1] = v;
                out[o + 2] = v;
                out[o + 3] = (byte) 255;
            }
        } else {
            byte[] lut = level.lookupTable(256);
            for (int i = 0, o = 0; i < rgb.length; i++, o += 4) {
                int p = rgb[i];
                out[o] = lut[p & 0xFF];
                out[o + 1] = lut[(p >> 8) & 0xFF];
                out[o + 2] = lut[(p >> 16) & 0xFF];
                out[o + 3] = (byte) 255;
            }
        }
        return out;
    }
}
