package io.defectstudio.training.train;

import io.defectstudio.inference.nets.Architectures;
import java.nio.file.Path;

/**
 * Settings of a meta-training run.
 *
 * @param architecture lerenet, eamnet, baseline or matcher (or a LERENet ablation, {@link Architectures#ABLATIONS})
 * @param backbone compact, resnet18 or resnet50
 * @param backboneWeights pre-trained backbone (safetensors), or null to start from random weights
 * @param freezeBackbone keep the backbone's weights fixed (EAMNet always does)
 * @param inputSize square input side (200)
 * @param shots K
 * @param batchSize episodes per step
 * @param steps optimizer steps
 * @param stepsPerEpoch steps between validations
 * @param checkpointEvery steps between checkpoints
 * @param learningRate base rate, poly-decayed
 * @param adWeight weight of EAMNet's attention-distillation term (0.05)
 * @param diceWeight weight of a soft Dice term added to BCE (0: BCE alone, as both papers train)
 * @param syntheticShare share of training episodes that are pseudo-defects painted on real surfaces (0: none)
 * @param validationEpisodes held-out episodes scored at each epoch end
 * @param calibrationEpisodes pseudo-defect episodes on which the bundle's threshold is chosen (0: keep 0.5)
 * @param checkpointDir checkpoints (a run resumes from here)
 * @param output the model bundle to write
 * @param modelName name in the bundle's manifest
 */
public record TrainingConfig(
        String architecture,
        String backbone,
        Path backboneWeights,
        boolean freezeBackbone,
        int inputSize,
        int shots,
        int batchSize,
        long steps,
        long stepsPerEpoch,
        long checkpointEvery,
        OptimizerKind optimizer,
        float learningRate,
        float momentum,
        float weightDecay,
        float polyPower,
        float adWeight,
        float diceWeight,
        float syntheticShare,
        int validationEpisodes,
        int calibrationEpisodes,
        long seed,
        Path checkpointDir,
        Path output,
        String modelName) {

    public TrainingConfig {
        if (!Architectures.isKnown(architecture)) {
            throw new IllegalArgumentException("Unknown architecture " + architecture + "; one of "
                    + Architectures.NAMES + " (or an ablation: " + Architectures.ABLATIONS + ")");
        }
        if (shots < 1 || batchSize < 1 || inputSize < 32 || validationEpisodes < 1 || calibrationEpisodes < 0) {
            throw new IllegalArgumentException("Need shots >= 1, batchSize >= 1, inputSize >= 32, "
                    + "validationEpisodes >= 1, calibrationEpisodes >= 0");
        }
        if (diceWeight < 0 || adWeight < 0) {
            throw new IllegalArgumentException("Loss weights must be >= 0");
        }
        if (syntheticShare < 0 || syntheticShare > 1) {
            throw new IllegalArgumentException("The synthetic episode share must lie in [0, 1], got "
                    + syntheticShare);
        }
        if (output == null || checkpointDir == null) {
            throw new IllegalArgumentException("output and checkpointDir are required");
        }
    }

    /**
     * The recipe of the Defect-8i benchmark runs (docs/benchmarks.md): a pre-trained backbone stays frozen (a random
     * one is trained), Adam 1e-3 with poly 0.9 decay, weight decay 1e-4, 400 steps of batch 2, 1-shot, 200x200, BCE
     * (+ 0.05 AD for EAMNet), threshold calibrated on 100 pseudo-defect episodes. Longer runs and the papers' SGD fitted
     * the training classes better and unseen ones worse.
     */
    public static TrainingConfig defaults(String architecture, String backbone, Path backboneWeights,
            Path checkpointDir, Path output) {
        return new TrainingConfig(architecture, backbone, backboneWeights, backboneWeights != null, 200, 1, 2, 400,
                100, 50, OptimizerKind.ADAM, 1e-3f, 0.9f, 1e-4f, 0.9f, SegmentationLosses.AD_WEIGHT, 0f, 0f, 60, 100, 42,
                checkpointDir, output, architecture + "-" + backbone);
    }

    LoopSettings loopSettings() {
        return new LoopSettings("meta-train", steps, stepsPerEpoch, checkpointEvery, checkpointDir, seed, optimizer,
                learningRate, polyPower, momentum, weightDecay);
    }
}
