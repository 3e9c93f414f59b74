package io.defectstudio.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns images and masks into network inputs at a square input size: images as (3,S,S) normalised grey replicated to
 * three channels, masks as (1,S,S) in {0,1} (defect where the 8-bit value is >= 128).
 */
public final class InputEncoder {

    private static final float MEAN = 0.5f;
    private static final float STD = 0.25f;

    private final int size;

    public InputEncoder(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("Input size must be >= 8, got " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** (3,S,S) float32. */
    public NDArray image(NDManager manager, BufferedImage image) {
        BufferedImage grey = resize(toGrey(image), RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        float[] plane = new float[size * size];
        Raster raster = grey.getRaster();
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            raster.getSamples(0, y, size, 1, 0, row);
            for (int x = 0; x < size; x++) {
                plane[y * size + x] = (row[x] / 255f - MEAN) / STD;
            }
        }
        float[] three = new float[3 * plane.length];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(plane, 0, three, c * plane.length, plane.length);
        }
        return manager.create(three, new Shape(3, size, size));
    }

    /** (1,S,S) float32 in {0,1}. */
    public NDArray mask(NDManager manager, BufferedImage mask) {
        BufferedImage grey = resize(toGrey(mask), RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        float[] plane = new float[size * size];
        Raster raster = grey.getRaster();
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            raster.getSamples(0, y, size, 1, 0, row);
            for (int x = 0; x < size; x++) {
                plane[y * size + x] = row[x] >= 128 ? 1f : 0f;
            }
        }
        return manager.create(plane, new Shape(1, size, size));
    }

    private static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        if (image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            Raster in = image.getRaster();
            int[] row = new int[image.getWidth()];
            for (int y = 0; y < image.getHeight(); y++) {
                in.getSamples(0, y, row.length, 1, 0, row);
                for (int x = 0; x < row.length; x++) {
                    row[x] >>>= 8;
                }
                grey.getRaster().setSamples(0, y, row.length, 1, 0, row);
            }
            return grey;
        }
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    private BufferedImage resize(BufferedImage grey, Object interpolation) {
        if (grey.getWidth() == size && grey.getHeight() == size) {
            return grey;
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(grey, 0, 0, size, size, null);
        g.dispose();
        return out;
    }
}
