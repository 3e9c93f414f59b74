package io.defectstudio.storage.predictions;

import java.time.Instant;

/** A model's mask for an (image, defect class), with its confidence and how long it took. */
public record Prediction(long id, long imageId, long classId, String modelVersion, double confidence,
                         long latencyMillis, long defectPixels, Instant createdAt) {
}
