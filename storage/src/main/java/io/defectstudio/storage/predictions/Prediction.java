package io.defectstudio.storage.predictions;

import java.time.Instant;

/**
 * A model's mask for an (image, defect class), with its confidence and how long it took.
 *
 * @param peak the highest defect probability of its stored probability map; NaN when none was stored
 */
public record Prediction(long id, long imageId, long classId, String modelVersion, double confidence,
                         long latencyMillis, long defectPixels, double peak, Instant createdAt) {

    /** Whether the probability map was stored, so that the mask can be re-cut at another threshold. */
    public boolean hasProbability() {
        return !Double.isNaN(peak);
    }
}
