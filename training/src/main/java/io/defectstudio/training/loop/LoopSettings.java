package io.defectstudio.training.loop;

import java.nio.file.Path;

/**
 * How a {@link TrainingLoop} runs.
 *
 * @param phase a name for events and logs
 * @param totalSteps number of optimizer steps
 * @param stepsPerEpoch steps between validations
 * @param checkpointEvery steps between checkpoints (0 = only at epoch ends)
 * @param checkpointDir where checkpoints go; a run finds its last checkpoint there and resumes
 * @param seed seeds parameter initialisation and every step's randomness
 * @param optimizer SGD with momentum or Adam
 * @param learningRate base rate, decayed polynomially to 0
 * @param polyPower power of the poly decay (0.9 in both papers)
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay
 */
public record LoopSettings(
        String phase,
        long totalSteps,
        long stepsPerEpoch,
        long checkpointEvery,
        Path checkpointDir,
        long seed,
        OptimizerKind optimizer,
        float learningRate,
        float polyPower,
        float momentum,
        float weightDecay) {

    /** The power of the poly learning-rate decay, as both papers train. */
    public static final float POLY_POWER = 0.9f;
    /** SGD momentum, as both papers train. */
    public static final float MOMENTUM = 0.9f;

    public LoopSettings {
        if (totalSteps < 1 || stepsPerEpoch < 1 || checkpointEvery < 0) {
            throw new IllegalArgumentException("Need totalSteps >= 1, stepsPerEpoch >= 1, checkpointEvery >= 0");
        }
        if (checkpointDir == null) {
            throw new IllegalArgumentException("A checkpoint directory is required");
        }
    }

    /** The settings that must match for a checkpoint to be resumed. */
    String fingerprint(String model) {
        return String.join(";", phase, model, "steps=" + totalSteps, "epoch=" + stepsPerEpoch, "seed=" + seed,
                optimizer.name(), "lr=" + learningRate, "poly=" + polyPower, "mom=" + momentum, "wd=" + weightDecay);
    }
}
