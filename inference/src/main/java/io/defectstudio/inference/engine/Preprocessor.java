package io.defectstudio.inference.engine;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.defectstudio.inference.InvalidInputException;
import io.defectstudio.inference.Masks;
import io.defectstudio.inference.bundle.Manifest;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.List;

/**
 * Turns images and masks into network inputs, identically for training and inference.
 *
 * <p>Images: intensities are scaled to [0, 1] by their bit depth (8-bit / 255, 16-bit / 65535), so an 8-bit image and
 * the same image stored in 16 bits give the same input; grey is replicated to three channels; alpha is dropped; the
 * result is resized to the manifest's input size (area averaging when shrinking, bilinear when enlarging) and
 * normalised per channel with the manifest's mean and std. Masks: pixels {@code >= 128} (or half the range for
 * 16-bit masks) are defect; after resizing, a pixel is defect when at least half of it was, or, for a defect too small
 * to cover half an input pixel, when any of it was, so that tiny annotated defects are never lost.
 */
public final class Preprocessor {

    /** Larger images are refused rather than risking an out-of-memory error in native code. */
    public static final long MAX_PIXELS = 100_000_000L;

    private final int width;
    private final int height;
    private final float[] mean;
    private final float[] std;

    public Preprocessor(int width, int height, Manifest.Normalisation normalisation) {
        this.width = width;
        this.height = height;
        this.mean = normalisation.mean().clone();
        this.std = normalisation.std().clone();
    }

    public static Preprocessor of(Manifest manifest) {
        return new Preprocessor(manifest.inputWidth(), manifest.inputHeight(), manifest.normalisation());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** One image as a {@code (3, H, W)} float32 array, normalised, attached to {@code manager}. */
    public NDArray image(NDManager manager, BufferedImage image) {
        checkSize(image, "image");
        Planes planes = intensities(image);
        NDArray x = manager.create(planes.values(), new Shape(1, planes.channels(), image.getHeight(),
                image.getWidth()));
        x = resize(x, height, width);
        if (planes.channels() == 1) {
            x = x.repeat(1, 3);
        }
        NDArray m = manager.create(mean, new Shape(1, 3, 1, 1));
        NDArray s = manager.create(std, new Shape(1, 3, 1, 1));
        return x.sub(m).div(s).squeeze(0);
    }

    /** Several images as one {@code (B, 3, H, W)} batch. */
    public NDArray images(NDManager manager, List<BufferedImage> images) {
        NDList list = new NDList(images.size());
        for (BufferedImage image : images) {
            list.add(image(manager, image));
        }
        return NDArrays.stack(list);
    }

    /** One mask as a {@code (1, H, W)} float32 array of 0 and 1, attached to {@code manager}. */
    public NDArray mask(NDManager manager, BufferedImage mask) {
        checkSize(mask, "mask");
        float[] values = new float[mask.getWidth() * mask.getHeight()];
        boolean any = false;
        byte[] defect = Masks.defectPixels(mask);
        for (int i = 0; i < values.length; i++) {
            if (defect[i] != 0) {
                values[i] = 1f;
                any = true;
            }
        }
        NDArray m = manager.create(values, new Shape(1, 1, mask.getHeight(), mask.getWidth()));
        NDArray resized = resize(m, height, width);
        NDArray binary = resized.gte(0.5f);
        if (!any || binary.any().getBoolean()) {
            return binary.toType(DataType.FLOAT32, false).squeeze(0);
        }
        return resized.gt(0f).toType(DataType.FLOAT32, false).squeeze(0);
    }

    /**
     * Resizes an {@code (N, C, h, w)} array: area averaging when shrinking both sides (no aliasing), bilinear
     * otherwise.
     */
    public static NDArray resize(NDArray x, int targetHeight, int targetWidth) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h == targetHeight && w == targetWidth) {
            return x;
        }
        Image.Interpolation mode = h >= targetHeight && w >= targetWidth
                ? Image.Interpolation.AREA
                : Image.Interpolation.BILINEAR;
        return x.getNDArrayInternal().interpolation(new long[] {targetHeight, targetWidth}, mode.ordinal(), false);
    }

    /** Image intensities in [0, 1], channel-major: 1 channel for grey, 3 for colour. */
    public record Planes(int channels, float[] values) {}

    /** Reads intensities by the image's own bit depth, never through an 8-bit conversion. */
    public static Planes intensities(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        boolean rgb = cm.getColorSpace().getType() == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3;
        if ((grey || rgb) && !(cm instanceof IndexColorModel)) {
            int channels = grey ? 1 : 3;
            float[] values = new float[channels * n];
            int[] row = new int[w];
            for (int c = 0; c < channels; c++) {
                float scale = 1f / ((1L << cm.getComponentSize(c)) - 1);
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, c, row);
                    int base = c * n + y * w;
                    for (int x = 0; x < w; x++) {
                        values[base + x] = row[x] * scale;
                    }
                }
            }
            return new Planes(channels, values);
        }
        // Palette and other colour spaces: go through sRGB, 8 bits per channel.
        float[] values = new float[3 * n];
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < n; i++) {
            values[i] = ((argb[i] >> 16) & 0xff) / 255f;
            values[n + i] = ((argb[i] >> 8) & 0xff) / 255f;
            values[2 * n + i] = (argb[i] & 0xff) / 255f;
        }
        return new Planes(3, values);
    }

    private static void checkSize(BufferedImage image, String what) {
        if (image == null) {
            throw new InvalidInputException(what + " is missing");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new InvalidInputException(what + " is " + image.getWidth() + "x" + image.getHeight()
                    + ", more than the " + MAX_PIXELS + "-pixel limit");
        }
    }
}
