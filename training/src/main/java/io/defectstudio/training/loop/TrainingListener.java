package io.defectstudio.training.loop;

import java.nio.file.Path;

/** Receives training progress; the app and the CLI render it as progress bars. Called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void onStep(StepProgress progress) {
    }

    default void onEpoch(EpochSummary summary) {
    }

    default void onCheckpoint(String phase, long step, Path file) {
    }

    /** Step {@code step} (0-based) was skipped: its loss or a gradient was not finite, and nothing was updated. */
    default void onSkippedStep(String phase, long step) {
    }

    /** The run resumed from a checkpoint at this step. */
    default void onResume(String phase, long step) {
    }

    /** After training, the threshold calibration has segmented {@code done} of {@code total} pseudo-defect episodes. */
    default void onCalibration(int done, int total) {
    }
}
