package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The result for one query, at the query's original size.
 *
 * <p>{@code confidence} is in [0, 1]: when some pixels are predicted as defect (probability {@code >=} the model's
 * threshold), it is the mean defect probability over those pixels; when none is, it is the mean background
 * probability {@code 1 - p} over all pixels. It therefore says how sure the network is of the mask it returned,
 * whichever way that mask went.
 *
 * @param width original query width
 * @param height original query height
 * @param probability defect probability per pixel, row-major, {@code width * height} values
 * @param mask {@code TYPE_BYTE_GRAY}, 255 = defect, 0 = background
 * @param confidence see above
 * @param latencyMillis wall time spent on this query (its share of a batch when batched)
 */
public record Segmentation(
        int width, int height, float[] probability, BufferedImage mask, double confidence, long latencyMillis) {

    /** Number of pixels predicted as defect. */
    public long defectPixels() {
        byte[] data = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        long n = 0;
        for (byte b : data) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }
}
