package io.defectstudio.training.checkpoint;

import java.util.List;

/**
 * Everything of a training run besides tensors that a resumed run needs to continue as if never stopped.
 *
 * @param fingerprint the run's settings; a checkpoint of different settings is refused
 * @param nextStep the first step still to run
 * @param losses the loss of every step run so far
 * @param validationScores the validation mIoU of every epoch so far
 * @param bestScore the best validation mIoU so far (negative before the first validation)
 * @param bestStep the step after which the best score was measured
 */
public record RunState(
        String fingerprint,
        long nextStep,
        List<Float> losses,
        List<Double> validationScores,
        double bestScore,
        long bestStep) {

    public RunState {
        losses = List.copyOf(losses);
        validationScores = List.copyOf(validationScores);
    }

    public static RunState fresh(String fingerprint) {
        return new RunState(fingerprint, 0, List.of(), List.of(), -1, -1);
    }
}
