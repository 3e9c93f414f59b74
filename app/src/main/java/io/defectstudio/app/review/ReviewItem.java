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
 * @param modelVersion the model that made the latest prediction; empty when there is none
 * @param supervisor who gave the verdict; empty while pending
 * @param decidedAt  when the verdict was given; null while pending
 */
public record ReviewItem(long imageId, String imageName, long classId, String className, boolean flagged,
                         boolean predicted, MaskMeasure measure, OptionalDouble confidence, String inspector,
                         Instant time, ReviewStatus status, String modelVersion, String supervisor,
                         Instant decidedAt) {

    /** Identity of an item across reloads. */
    public record Key(long imageId, long classId) {
    }

    public Key key() {
        return new Key(imageId, classId);
    }

    /** The item after a supervisor's verdict. */
    public ReviewItem withVerdict(ReviewStatus s, String by, Instant at) {
        return new ReviewItem(imageId, imageName, classId, className, flagged, predicted, measure, confidence,
                inspector, time, s, modelVersion, by, at);
    }
}
