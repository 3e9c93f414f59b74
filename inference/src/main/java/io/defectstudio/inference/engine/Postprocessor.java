package io.defectstudio.inference.engine;

import io.defectstudio.inference.ProbabilityMap;
import io.defectstudio.inference.Resampler;
import io.defectstudio.inference.Segmentation;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.Supplier;

/**
 * Turns a defect-probability map into a {@link Segmentation} at the query's original size: resample, threshold,
 * confidence (defined on {@link Segmentation}).
 */
public final class Postprocessor {

    private final double threshold;

    public Postprocessor(double threshold) {
        this.threshold = threshold;
    }

    /**
     * Builds the result from a probability map at the working size, resampled to the original size by {@link
     * Resampler} (the rules the input went through). The mask is thresholded one resampled row at a time and the
     * result keeps the working map, so a large query's full-size map exists only while a caller scores it.
     */
    public Segmentation fromWorking(float[] p, int workWidth, int workHeight, int width, int height,
            long latencyMillis) {
        if (workWidth == width && workHeight == height) {
            return fromProbability(p, width, height, latencyMillis);
        }
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        Confidence confidence = new Confidence();
        Resampler.resampleRows(p, workWidth, workHeight, width, height, (y, row) -> {
            clamp(row);
            confidence.add(row, m, y * width);
        });
        Supplier<float[]> full = () -> clamp(Resampler.resample(
                Resampler.plane(p, workWidth), new Rectangle(0, 0, workWidth, workHeight), width, height));
        return new Segmentation(width, height, full, ProbabilityMap.quantise(p, workWidth, workHeight, width, height),
                mask, confidence.value(), latencyMillis);
    }

    /** Builds the result from a probability map already at the original size (clamped to [0, 1] in place). */
    public Segmentation fromProbability(float[] p, int width, int height, long latencyMillis) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        Confidence confidence = new Confidence();
        confidence.add(clamp(p), m, 0);
        return new Segmentation(width, height, p, mask, confidence.value(), latencyMillis);
    }

    private static float[] clamp(float[] p) {
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1f, Math.max(0f, p[i]));
        }
        return p;
    }

    /** Thresholds probabilities into the mask and sums what the confidence needs. */
    private final class Confidence {
        private double defectSum;
        private double backgroundSum;
        private long defect;
        private long pixels;

        void add(float[] p, byte[] mask, int offset) {
            for (int i = 0; i < p.length; i++) {
                float v = p[i];
                if (v >= threshold) {
                    mask[offset + i] = (byte) 255;
                    defectSum += v;
                    defect++;
                } else {
                    backgroundSum += 1 - v;
                }
            }
            pixels += p.length;
        }

        double value() {
            return defect > 0 ? defectSum / defect : backgroundSum / pixels;
        }
    }
}
