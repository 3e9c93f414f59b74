package io.defectstudio.storage.images;

import io.defectstudio.storage.CorruptImageException;
import io.defectstudio.storage.ImageTooLargeException;
import io.defectstudio.storage.NotAnImageException;
import io.defectstudio.storage.StorageIoException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes PNG, JPEG, BMP and TIFF without losing bit depth. The header is read first and the pixel count checked
 * against the limit before a single pixel is decoded; readers' warnings (a truncated JPEG only warns) count as damage.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Decodes {@code file}; errors name {@code shownAs} (the user's file, when decoding a staged copy). */
    public DecodedImage decode(Path file, Path shownAs) {
        ImageFormat format = sniff(file, shownAs);
        ImageReader reader = readerFor(format, shownAs);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(collect(warnings));
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new CorruptImageException(shownAs, "header declares " + width + " x " + height + " pixels", null);
            }
            if (width * height > maxPixels) {
                throw new ImageTooLargeException(shownAs, width, height, maxPixels);
            }
            BufferedImage raw = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new CorruptImageException(shownAs, String.join("; ", warnings), null);
            }
            return normalise(raw, format, shownAs);
        } catch (IOException e) {
            throw new CorruptImageException(shownAs, describe(e), e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | NegativeArraySizeException e) {
            // Some ImageIO readers signal damaged headers and data with runtime exceptions.
            throw new CorruptImageException(shownAs, describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageFormat sniff(Path file, Path shownAs) {
        byte[] head = new byte[ImageFormat.SIGNATURE_LENGTH];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StorageIoException(shownAs + ": cannot read: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new NotAnImageException(shownAs, "the file is empty");
        }
        return ImageFormat.sniff(head, read).orElseThrow(() ->
                new NotAnImageException(shownAs, "the content is not PNG, JPEG, BMP or TIFF"));
    }

    private static ImageReader readerFor(ImageFormat format, Path shownAs) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new NotAnImageException(shownAs, "no decoder for " + format + " in this Java runtime");
        }
        return readers.next();
    }

    private static IIOReadWarningListener collect(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() != null ? e.getMessage() : messageOf(e));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" (").append(messageOf(cause)).append(')');
        }
        return text.toString();
    }

    private static String messageOf(Throwable e) {
        if (e instanceof EOFException && e.getMessage() == null) {
            return "the file ends before the image data does";
        }
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** Brings a decoded image to one of the product's layouts, keeping 16-bit samples as 16-bit. */
    static DecodedImage normalise(BufferedImage raw, ImageFormat format, Path shownAs) {
        ColorModel cm = raw.getColorModel();
        if (cm instanceof IndexColorModel palette) {
            return isGreyPalette(palette)
                    ? new DecodedImage(paletteToGrey(raw), format, 8, 1)
                    : new DecodedImage(toIntRgb(raw), format, 8, 3);
        }
        int sampleSize = raw.getSampleModel().getSampleSize(0);
        int transferType = raw.getRaster().getTransferType();
        boolean floating = transferType == DataBuffer.TYPE_FLOAT || transferType == DataBuffer.TYPE_DOUBLE;
        if (floating || sampleSize > 16) {
            throw new NotAnImageException(shownAs, sampleSize + "-bit samples are not supported (8 or 16 only)");
        }
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (grey) {
            return sampleSize > 8
                    ? new DecodedImage(firstBand(raw, BufferedImage.TYPE_USHORT_GRAY, 16), format, 16, 1)
                    : new DecodedImage(firstBand(raw, BufferedImage.TYPE_BYTE_GRAY, sampleSize), format, 8, 1);
        }
        if (cm.getColorSpace().getType() != ColorSpace.TYPE_RGB || raw.getRaster().getNumBands() < 3) {
            throw new NotAnImageException(shownAs, "colour space is neither grey nor RGB");
        }
        return sampleSize > 8
                ? new DecodedImage(toUshortRgb(raw), format, 16, 3)
                : new DecodedImage(toIntRgb(raw), format, 8, 3);
    }

    private static boolean isGreyPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage paletteToGrey(BufferedImage raw) {
        BufferedImage out = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster dst = out.getRaster();
        for (int y = 0; y < raw.getHeight(); y++) {
            for (int x = 0; x < raw.getWidth(); x++) {
                dst.setSample(x, y, 0, raw.getRGB(x, y) & 0xFF);
            }
        }
        return out;
    }

    /** Copies band 0 into a fresh grey image, stretching samples narrower than 8 bits to the full 8-bit range. */
    private static BufferedImage firstBand(BufferedImage raw, int type, int sampleSize) {
        if (raw.getType() == type) {
            return raw;
        }
        BufferedImage out = new BufferedImage(raw.getWidth(), raw.getHeight(), type);
        Raster src = raw.getRaster();
        WritableRaster dst = out.getRaster();
        int[] row = new int[raw.getWidth()];
        int max = (1 << sampleSize) - 1;
        for (int y = 0; y < raw.getHeight(); y++) {
            src.getSamples(0, y, row.length, 1, 0, row);
            if (sampleSize < 8) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = row[x] * 255 / max;
                }
            }
            dst.setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }

    private static BufferedImage toIntRgb(BufferedImage raw) {
        if (raw.getType() == BufferedImage.TYPE_INT_RGB) {
            return raw;
        }
        BufferedImage out = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[raw.getWidth()];
        for (int y = 0; y < raw.getHeight(); y++) {
            raw.getRGB(0, y, row.length, 1, row, 0, row.length);
            out.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return out;
    }

    /**
     * 16-bit RGB. An image with alpha keeps its samples: the colour bands are a view of the decoded raster, not a copy,
     * so a 100-megapixel RGBA16 image costs its 800 MB once instead of 800 + 600 MB at the same time.
     */
    private static BufferedImage toUshortRgb(BufferedImage raw) {
        if (raw.getRaster().getNumBands() == 3 && raw.getRaster().getTransferType() == DataBuffer.TYPE_USHORT) {
            return raw;
        }
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        if (raw.getRaster().getTransferType() == DataBuffer.TYPE_USHORT) {
            WritableRaster colour = raw.getRaster().createWritableChild(0, 0, raw.getWidth(), raw.getHeight(), 0, 0,
                    new int[] {0, 1, 2});
            if (cm.isCompatibleRaster(colour)) {
                return new BufferedImage(cm, colour, false, null);
            }
        }
        WritableRaster dst = cm.createCompatibleWritableRaster(raw.getWidth(), raw.getHeight());
        Raster src = raw.getRaster();
        int[] row = new int[raw.getWidth()];
        for (int band = 0; band < 3; band++) {
            for (int y = 0; y < raw.getHeight(); y++) {
                src.getSamples(0, y, row.length, 1, band, row);
                dst.setSamples(0, y, row.length, 1, band, row);
            }
        }
        return new BufferedImage(cm, dst, false, null);
    }
}
