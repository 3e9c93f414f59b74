package io.defectstudio.inference.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.defectstudio.inference.IntensityScale;
import io.defectstudio.inference.InvalidInputException;
import io.defectstudio.inference.Resampler;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.nets.Normalisation;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Turns images and masks into network inputs, identically for training and inference.
 *
 * <p>Images: intensities are scaled to [0, 1] by {@link IntensityScale}, so an 8-bit image and the same image stored
 * in 16 bits give the same input; grey is replicated to three channels; alpha is dropped; the image (or a region of
 * it) is resampled by {@link Resampler} to the input size and normalised per channel with the manifest's mean and
 * std. Masks: pixels {@code >= 128} (or half the range for 16-bit masks) are defect; after resampling, a pixel is
 * defect when at least half of it was, or, for a defect too small to cover half an input pixel, when any of it was,
 * so that tiny annotated defects are never lost.
 */
public final class Preprocessor {

    /** Larger images are refused rather than risking an out-of-memory error. */
    public static final long MAX_PIXELS = 100_000_000L;

    private final int width;
    private final int height;
    private final float[] mean;
    private final float[] std;

    public Preprocessor(int width, int height, Normalisation normalisation) {
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
        return image(manager, image, whole(image));
    }

    /** A region of an image, resampled to the input size, as {@link #image(NDManager, BufferedImage)}. */
    public NDArray image(NDManager manager, BufferedImage image, Rectangle region) {
        return manager.create(normalised(image, region, width, height), new Shape(3, height, width));
    }

    /**
     * A region of an image at {@code outWidth x outHeight}, normalised: three channel planes, row-major. The working
     * image that tiles are cut from.
     */
    public float[] normalised(BufferedImage image, Rectangle region, int outWidth, int outHeight) {
        checkSize(image, "image");
        Resampler.Rows rows = Resampler.intensities(image);
        float[] values = Resampler.resample(rows, region, outWidth, outHeight);
        int plane = outWidth * outHeight;
        float[] rgb = rows.channels() == 3 ? values : new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float s = std[c];
            int from = rows.channels() == 3 ? c * plane : 0;
            for (int i = 0; i < plane; i++) {
                rgb[c * plane + i] = (values[from + i] - m) / s;
            }
        }
        return rgb;
    }

    /** One mask as a {@code (1, H, W)} float32 array of 0 and 1, attached to {@code manager}. */
    public NDArray mask(NDManager manager, BufferedImage mask) {
        checkSize(mask, "mask");
        return mask(manager, mask, whole(mask));
    }

    /** A region of a mask, resampled to the input size, as {@link #mask(NDManager, BufferedImage)}. */
    public NDArray mask(NDManager manager, BufferedImage mask, Rectangle region) {
        float[] fraction = Resampler.resample(Resampler.defect(mask), region, width, height);
        float[] binary = new float[fraction.length];
        boolean half = false;
        for (int i = 0; i < fraction.length; i++) {
            if (fraction[i] >= 0.5f) {
                binary[i] = 1f;
                half = true;
            }
        }
        if (!half) {
            for (int i = 0; i < fraction.length; i++) {
                binary[i] = fraction[i] > 0f ? 1f : 0f;
            }
        }
        return manager.create(binary, new Shape(1, height, width));
    }

    private static Rectangle whole(BufferedImage image) {
        return new Rectangle(0, 0, image.getWidth(), image.getHeight());
    }

    static void checkSize(BufferedImage image, String what) {
        if (image == null) {
            throw new InvalidInputException(what + " is missing");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new InvalidInputException(what + " is " + image.getWidth() + "x" + image.getHeight()
                    + ", more than the " + MAX_PIXELS + "-pixel limit");
        }
    }
}
