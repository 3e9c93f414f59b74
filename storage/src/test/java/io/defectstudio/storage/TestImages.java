package io.defectstudio.storage;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Images generated for tests, written with ImageIO through streams the test owns. */
public final class TestImages {
    private TestImages() {
    }

    /** 16-bit grey with values spread over the whole range, including values that differ only in the low byte. */
    public static BufferedImage grey16(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x * 7919 + y * 104729 + 1) & 0xFFFF);
            }
        }
        return image;
    }

    /** A test image every ImageIO writer of {@code format} accepts: 16-bit grey for PNG and TIFF, else RGB. */
    public static BufferedImage grey16Or8(String format) {
        return format.startsWith("png") || format.startsWith("tif") ? grey16(64, 64) : rgb(64, 64);
    }

    /** 16-bit RGB (three unsigned short bands, no alpha) with values that need all 16 bits. */
    public static BufferedImage rgb16(int width, int height) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int band = 0; band < 3; band++) {
                    raster.setSample(x, y, band, (x * 4099 + y * 257 + band * 12345) & 0xFFFF);
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    /** 16-bit RGB with a 16-bit alpha band, as cameras and image tools write RGBA16 PNGs. */
    public static BufferedImage rgba16(int width, int height) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16, 16}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int band = 0; band < 4; band++) {
                    raster.setSample(x, y, band, band == 3 ? 65535 : (x * 4099 + y * 257 + band * 12345) & 0xFFFF);
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    public static BufferedImage grey8(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x * 3 + y * 5) & 0xFF);
            }
        }
        return image;
    }

    public static BufferedImage rgb(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 4) & 0xFF) << 16 | ((y * 4) & 0xFF) << 8 | ((x + y) & 0xFF));
            }
        }
        return image;
    }

    /** A mask with a filled rectangle; {@code seed} moves it so different saves have different masks. */
    public static BufferedImage mask(int width, int height, int seed) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = mask.getRaster();
        int x0 = seed % Math.max(1, width / 2);
        int y0 = (seed / 3) % Math.max(1, height / 2);
        for (int y = y0; y < Math.min(height, y0 + height / 3); y++) {
            for (int x = x0; x < Math.min(width, x0 + width / 3); x++) {
                raster.setSample(x, y, 0, 255);
            }
        }
        return mask;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and this image type");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static Path write(Path file, BufferedImage image, String format) throws IOException {
        return write(file, encode(image, format));
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    /**
     * A well-formed PNG header (signature + IHDR with a valid CRC) that claims the given size and has no pixel data.
     */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] chunk = new byte[4 + 13];
        chunk[0] = 'I';
        chunk[1] = 'H';
        chunk[2] = 'D';
        chunk[3] = 'R';
        putInt(chunk, 4, width);
        putInt(chunk, 8, height);
        chunk[12] = 8;
        chunk[13] = 0;
        byte[] length = new byte[4];
        putInt(length, 0, 13);
        out.writeBytes(length);
        out.writeBytes(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.writeBytes(crcBytes);
        return out.toByteArray();
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
