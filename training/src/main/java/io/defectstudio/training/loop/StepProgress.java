package io.defectstudio.training.loop;

import java.time.Duration;

/**
 * Progress after one training step.
 *
 * @param phase what is being trained, e.g. "pretrain" or "meta-train"
 * @param step 1-based number of the step just finished
 * @param totalSteps steps of the whole run
 * @param loss the step's loss
 * @param learningRate the rate the step used
 * @param elapsed time spent in this process so far
 * @param remaining estimated time to the end, from this process's mean step time
 */
public record StepProgress(
        String phase, long step, long totalSteps, float loss, float learningRate, Duration elapsed,
        Duration remaining) {

    /** Fraction done, in [0, 1]. */
    public double fraction() {
        return (double) step / totalSteps;
    }
}
