package io.defectstudio.storage.masks;

import io.defectstudio.storage.StorageIoException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Binary masks as stored: 8-bit grey PNG holding only 0 (background) and 255 (defect). Input counts as defect where
 * a grey sample is at least half its range (>= 128 for 8-bit) or, for colour, where the luminance is >= 128.
 */
public final class MaskCodec {
    public static final int DEFECT = 255;

    private MaskCodec() {
    }

    /** A normalised mask: TYPE_BYTE_GRAY holding only 0 and 255. */
    public static BufferedImage normalise(BufferedImage mask) {
        int width = mask.getWidth();
        int height = mask.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster dst = out.getRaster();
        Raster src = mask.getRaster();
        boolean singleBand = src.getNumBands() == 1 && !(mask.getColorModel() instanceof IndexColorModel);
        int threshold = singleBand ? 1 << (mask.getSampleModel().getSampleSize(0) - 1) : 128;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            if (singleBand) {
                src.getSamples(0, y, width, 1, 0, row);
            } else {
                mask.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    row[x] = luminance(row[x]);
                }
            }
            for (int x = 0; x < width; x++) {
                row[x] = row[x] >= threshold ? DEFECT : 0;
            }
            dst.setSamples(0, y, width, 1, 0, row);
        }
        return out;
    }

    private static int luminance(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }

    public static long defectPixels(BufferedImage normalised) {
        Raster raster = normalised.getRaster();
        int[] row = new int[normalised.getWidth()];
        long count = 0;
        for (int y = 0; y < normalised.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int v : row) {
                if (v != 0) {
                    count++;
                }
            }
        }
        return count;
    }

    public static byte[] encode(BufferedImage normalised) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(normalised, "png", png)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new StorageIoException("cannot encode mask as PNG: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    /** Decodes an 8-bit grey PNG with its levels as stored (a probability map: not cut into a mask). */
    public static BufferedImage decodeGrey(byte[] png, String what) {
        BufferedImage image = read(png, what);
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new StorageIoException(what + ": stored image is not 8-bit grey", null);
        }
        return image;
    }

    public static BufferedImage decode(byte[] png, String what) {
        BufferedImage image = read(png, what);
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image : normalise(image);
    }

    private static BufferedImage read(byte[] png, String what) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new StorageIoException(what + ": stored image is not a PNG", null);
            }
            return image;
        } catch (IOException e) {
            throw new StorageIoException(what + ": stored mask cannot be decoded: " + e.getMessage(), e);
        }
    }
}
