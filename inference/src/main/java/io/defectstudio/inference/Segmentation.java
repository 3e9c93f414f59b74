package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.Supplier;

/**
 * The result for one query, at the query's original size.
 *
 * <p>{@code confidence} is in [0, 1]: when some pixels are predicted as defect (probability {@code >=} the model's
 * threshold), it is the mean defect probability over those pixels; when none is, it is the mean background
 * probability {@code 1 - p} over all pixels. It therefore says how sure the network is of the mask it returned,
 * whichever way that mask went.
 *
 * <p>The probability map is computed on demand: a result keeps it at the size the network worked at, because at the
 * original size a 100-megapixel query's map alone is 400 MB, and only scoring asks for it.
 */
public final class Segmentation {

    private final int width;
    private final int height;
    private final Supplier<float[]> probability;
    private final Supplier<ProbabilityMap> map;
    private final BufferedImage mask;
    private final double confidence;
    private final long latencyMillis;

    /**
     * @param width original query width
     * @param height original query height
     * @param probability computes the defect probability per pixel, row-major, {@code width * height} values
     * @param mask {@code TYPE_BYTE_GRAY}, 255 = defect, 0 = background
     * @param confidence see above
     * @param map the probabilities at the working size, quantised, for storing and re-thresholding
     * @param latencyMillis wall time spent on this query (its share of a batch when batched)
     */
    public Segmentation(int width, int height, Supplier<float[]> probability, ProbabilityMap map, BufferedImage mask,
            double confidence, long latencyMillis) {
        this(width, height, probability, () -> map, mask, confidence, latencyMillis);
    }

    private Segmentation(int width, int height, Supplier<float[]> probability, Supplier<ProbabilityMap> map,
            BufferedImage mask, double confidence, long latencyMillis) {
        this.width = width;
        this.height = height;
        this.probability = probability;
        this.map = map;
        this.mask = mask;
        this.confidence = confidence;
        this.latencyMillis = latencyMillis;
    }

    /**
     * A result whose probability map is already at the original size, which is also its working size; the quantised
     * map is made when asked for (re-thresholded results at a camera size need none).
     */
    public Segmentation(int width, int height, float[] probability, BufferedImage mask, double confidence,
            long latencyMillis) {
        this(width, height, () -> probability, quantisedOnce(probability, width, height), mask, confidence,
                latencyMillis);
    }

    private static Supplier<ProbabilityMap> quantisedOnce(float[] probability, int width, int height) {
        ProbabilityMap[] made = new ProbabilityMap[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = ProbabilityMap.quantise(probability, width, height, width, height);
                }
                return made[0];
            }
        };
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Defect probability per pixel at the original size, row-major; may be a fresh array on every call. */
    public float[] probability() {
        return probability.get();
    }

    /** The probabilities at the working size in 8-bit levels: what a prediction stores to be re-thresholded. */
    public ProbabilityMap probabilityMap() {
        return map.get();
    }

    public BufferedImage mask() {
        return mask;
    }

    public double confidence() {
        return confidence;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** This result with another latency. */
    public Segmentation withLatency(long millis) {
        return new Segmentation(width, height, probability, map, mask, confidence, millis);
    }

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
