package io.defectstudio.inference.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.defectstudio.inference.Segmentation;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Turns network logits into a {@link Segmentation} at the query's original size: sigmoid, resize (same rules as
 * {@link Preprocessor#resize}), threshold, confidence (defined on {@link Segmentation}).
 */
public final class Postprocessor {

    private final double threshold;

    public Postprocessor(double threshold) {
        this.threshold = threshold;
    }

    /** @param logits one query's {@code (1, H, W)} or {@code (H, W)} logits at the network input size */
    public Segmentation toSegmentation(NDArray logits, int width, int height, long latencyMillis) {
        long h = logits.getShape().get(logits.getShape().dimension() - 2);
        long w = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray probability = Activation.sigmoid(logits.reshape(1, 1, h, w));
        float[] p = Preprocessor.resize(probability, height, width).toFloatArray();
        return fromProbability(p, width, height, latencyMillis);
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
