package io.defectstudio.training.backbone;

import io.defectstudio.training.train.LoopSettings;
import io.defectstudio.training.train.OptimizerKind;
import java.nio.file.Path;

/**
 * Settings of a backbone pre-training run.
 *
 * @param backbone backbone name for {@code Backbones.create} (compact, resnet18, resnet50)
 * @param inputSize square input side (200 in the papers)
 * @param batchSize images per step
 * @param steps optimizer steps
 * @param stepsPerEpoch steps between validations
 * @param checkpointEvery steps between checkpoints
 * @param normalFraction share of each batch drawn from defect-free images (all-background targets)
 * @param validationImages held-out images scored at each epoch end
 * @param checkpointDir checkpoints (resumed when present)
 * @param output the safetensors file the best backbone is written to
 */
public record PretrainConfig(
        String backbone,
        int inputSize,
        int batchSize,
        long steps,
        long stepsPerEpoch,
        long checkpointEvery,
        OptimizerKind optimizer,
        float learningRate,
        float weightDecay,
        double normalFraction,
        int validationImages,
        long seed,
        Path checkpointDir,
        Path output) {

    public PretrainConfig {
        if (batchSize < 1 || inputSize < 32 || normalFraction < 0 || normalFraction >= 1) {
            throw new IllegalArgumentException("Need batchSize >= 1, inputSize >= 32, 0 <= normalFraction < 1");
        }
    }

    /** Defaults for the compact backbone on this project's CPU: Adam 1e-3, batch 8, 200x200. */
    public static PretrainConfig defaults(Path checkpointDir, Path output) {
        return new PretrainConfig("compact", 200, 8, 600, 100, 50, OptimizerKind.ADAM, 1e-3f, 1e-4f, 0.25, 60, 42,
                checkpointDir, output);
    }

    LoopSettings loopSettings() {
        return new LoopSettings("pretrain", steps, stepsPerEpoch, checkpointEvery, checkpointDir, seed, optimizer,
                learningRate, 0.9f, 0.9f, weightDecay);
    }
}
