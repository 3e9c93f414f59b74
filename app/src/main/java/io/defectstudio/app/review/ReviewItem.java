package io.defectstudio.app.review;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One inspected part for one defect class, as the supervisor sees it.
 *
 * @param flagged    the inspector flagged it for a second look
 * @param measure    area, share and regions of the current mask (the inspector's if any, else the model's)
 * @param confidence the model's confidence, when a prediction exists
 * @param inspector  who labelled or flagged it; empty when only the model has seen it
 * @param time       when the mask or flag was last made
 * @param status     the supervisor's latest verdict, or pending (also after the mask changed since)
 */
public record ReviewItem(long imageId, String imageName, long classId, String className, boolean flagged,
                         boolean predicted, MaskMeasure measure, OptionalDouble confidence, String inspector,
                         Instant time, ReviewStatus status) {

    /** Identity of an item across reloads. */
    public record Key(long imageId, long classId) {
    }

    public Key key() {
        return new Key(imageId, classId);
    }

    public ReviewItem withStatus(ReviewStatus s) {
        return new ReviewItem(imageId, imageName, classId, className, flagged, predicted, measure, confidence,
                inspector, time, s);
    }
}
