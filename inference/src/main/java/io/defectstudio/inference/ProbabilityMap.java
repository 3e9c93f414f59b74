package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A result's defect probabilities at the size the network worked at, in 256 levels (level = round(255 p)): small
 * enough to store with every prediction (a 960-pixel working size at most, whatever the image), and what a new
 * threshold cuts into a mask at the original size without running the network again (the workstation's
 * sensitivity). The cut resamples the levels as {@link Resampler} resampled the network's map, so at the model's own
 * threshold it reproduces the model's mask up to the quantisation.
 */
public final class ProbabilityMap {

    private static final float LEVELS = 255f;

    private final BufferedImage levels;
    private final int width;
    private final int height;
    private double peak = Double.NaN;

    /**
     * @param levels {@code TYPE_BYTE_GRAY} at the working size
     * @param width the original image's width, which {@link #mask} is cut at
     * @param height the original image's height
     */
    public ProbabilityMap(BufferedImage levels, int width, int height) {
        if (levels.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new InvalidInputException("a probability map is an 8-bit grey image");
        }
        if (width < 1 || height < 1) {
            throw new InvalidInputException("a probability map needs a positive original size");
        }
        this.levels = levels;
        this.width = width;
        this.height = height;
    }

    /** Quantises a working-size map of probabilities in [0, 1] (values outside are clamped). */
    public static ProbabilityMap quantise(float[] p, int workWidth, int workHeight, int width, int height) {
        BufferedImage image = new BufferedImage(workWidth, workHeight, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.round(Math.min(1f, Math.max(0f, p[i])) * LEVELS);
        }
        return new ProbabilityMap(image, width, height);
    }

    /** The 8-bit levels at the working size, as stored. */
    public BufferedImage levels() {
        return levels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * The highest probability of the map at the original size: {@link #mask} paints at least one pixel at any
     * threshold up to it and none above it (resampling lowers a lone peak, so this is not the highest level).
     */
    public synchronized double peak() {
        if (Double.isNaN(peak)) {
            double[] max = {0};
            resampled((y, row) -> {
                for (float v : row) {
                    max[0] = Math.max(max[0], v);
                }
            });
            peak = max[0];
        }
        return peak;
    }

    /** The mask at {@code threshold}, at the original size: {@code TYPE_BYTE_GRAY}, 255 = defect. */
    public BufferedImage mask(double threshold) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        resampled((y, row) -> {
            int offset = y * width;
            for (int x = 0; x < row.length; x++) {
                if (row[x] >= threshold) {
                    m[offset + x] = (byte) 255;
                }
            }
        });
        return mask;
    }

    /** The probabilities at the original size, one row at a time. */
    private void resampled(Resampler.RowSink sink) {
        byte[] source = ((DataBufferByte) levels.getRaster().getDataBuffer()).getData();
        float[] p = new float[source.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (source[i] & 0xFF) / LEVELS;
        }
        Resampler.resampleRows(p, levels.getWidth(), levels.getHeight(), width, height, sink);
    }
}
