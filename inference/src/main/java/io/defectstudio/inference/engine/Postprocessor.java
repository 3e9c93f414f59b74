package io.defectstudio.inference.engine;

import io.defectstudio.inference.Segmentation;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

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
     * Resampler} (the rules the input went through).
     */
    public Segmentation fromWorking(float[] p, int workWidth, int workHeight, int width, int height,
            long latencyMillis) {
        float[] full = workWidth == width && workHeight == height ? p : Resampler.resample(
                Resampler.plane(p, workWidth), new Rectangle(0, 0, workWidth, workHeight), width, height);
        return fromProbability(full, width, height, latencyMillis);
    }

    /** Builds the result from a probability map already at the original size. */
    public Segmentation fromProbability(float[] p, int width, int height, long latencyMillis) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        double defectSum = 0;
        double backgroundSum = 0;
        long defect = 0;
        for (int i = 0; i < p.length; i++) {
            float v = Math.min(1f, Math.max(0f, p[i]));
            p[i] = v;
            if (v >= threshold) {
                m[i] = (byte) 255;
                defectSum += v;
                defect++;
            } else {
                backgroundSum += 1 - v;
            }
        }
        double confidence = defect > 0 ? defectSum / defect : backgroundSum / p.length;
        return new Segmentation(width, height, p, mask, confidence, latencyMillis);
    }
}
