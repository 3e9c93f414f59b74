package io.defectstudio.app.queue;

import java.util.OptionalDouble;

/**
 * One row of the image queue: immutable, replaced when its status changes.
 *
 * @param confidence the prediction confidence in [0,1], NaN when there is no prediction
 * @param classIds   the defect classes the image carries a mask for
 */
public record QueueEntry(long imageId, String name, ImageStatus status, double confidence,
        java.util.Set<Long> classIds) {
    public QueueEntry {
        classIds = java.util.Set.copyOf(classIds);
    }

    public OptionalDouble confidenceIfAny() {
        return Double.isNaN(confidence) ? OptionalDouble.empty() : OptionalDouble.of(confidence);
    }

    public QueueEntry withStatus(ImageStatus s) {
        return new QueueEntry(imageId, name, s, confidence, classIds);
    }

    public QueueEntry withPrediction(ImageStatus s, double conf) {
        return new QueueEntry(imageId, name, s, conf, classIds);
    }
}
