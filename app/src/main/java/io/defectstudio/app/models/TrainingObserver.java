package io.defectstudio.app.models;

import io.defectstudio.storage.models.ModelRecord;
import java.time.Duration;

/** What a running training reports; called on the training thread (view-models hop to the UI thread). */
public interface TrainingObserver {
    TrainingObserver NONE = new TrainingObserver() {
    };

    /** After each step: steps done of the total, the step's loss, and the estimated time left. */
    default void onStep(long runId, long step, long totalSteps, double loss, Duration remaining) {
    }

    /** After each epoch's validation. */
    default void onEpoch(long runId, int epoch, double meanLoss, double validationIou) {
    }

    /** The run resumed from its checkpoint at this step. */
    default void onResumed(long runId, long step) {
    }

    /** Training is over; the threshold calibration has done {@code done} of {@code total} pseudo-defect episodes. */
    default void onCalibrating(long runId, int done, int total) {
    }

    /** Finished and registered as a (not yet active) model version. */
    default void onCompleted(long runId, ModelRecord model) {
    }

    default void onCancelled(long runId) {
    }

    default void onFailed(long runId, Throwable error) {
    }
}
