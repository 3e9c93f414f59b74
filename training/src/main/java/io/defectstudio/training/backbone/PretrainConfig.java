package io.defectstudio.training.backbone;

import io.defectstudio.training.loop.LoopSettings;
import io.defectstudio.training.loop.OptimizerKind;
import java.nio.file.Path;

/**
 * Settings of a backbone pre-training run.
 *
 * @param backbone backbone name for {@code Backbones.create} (compact, resnet18, resnet50)
 * @param inputSize square input side (200 in the papers)
 * @param batchSize images per step
 * @param normalFraction share of each batch drawn from defect-free images (all-background targets)
 * @param validationImages held-out images scored at each epoch end
 * @param tuneFrom the first backbone stage that is tuned (0 the stem: all of it; 3: layer3 and layer4 only); the
 *     stages before it keep their starting weights
 * @param output the safetensors file the best backbone is written to
 * @param loop steps, optimizer, seed and checkpoints (phase {@code pretrain}; resumed when present)
 */
public record PretrainConfig(
        String backbone,
        int inputSize,
        int batchSize,
        double normalFraction,
        int validationImages,
        int tuneFrom,
        Path output,
        LoopSettings loop) {

    public PretrainConfig {
        if (batchSize < 1 || inputSize < 32 || normalFraction < 0 || normalFraction >= 1 || tuneFrom < 0
                || tuneFrom > 4) {
            throw new IllegalArgumentException(
                    "Need batchSize >= 1, inputSize >= 32, 0 <= normalFraction < 1, 0 <= tuneFrom <= 4");
        }
    }

    /** Defaults for the compact backbone on this project's CPU: Adam 1e-3, batch 8, 600 steps, 200x200. */
    public static PretrainConfig defaults(Path checkpointDir, Path output) {
        return builder(checkpointDir, output).build();
    }

    /** A run that starts from {@link #defaults}; each setter changes one setting. */
    public static Builder builder(Path checkpointDir, Path output) {
        return new Builder(checkpointDir, output);
    }

    /** Named settings instead of positional ones; {@link #build} validates them. */
    public static final class Builder {
        private final Path checkpointDir;
        private final Path output;
        private String backbone = "compact";
        private int inputSize = 200;
        private int batchSize = 8;
        private long steps = 600;
        private long stepsPerEpoch = 100;
        private long checkpointEvery = 50;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private float learningRate = 1e-3f;
        private float weightDecay = 1e-4f;
        private double normalFraction = 0.25;
        private int validationImages = 60;
        private int tuneFrom;
        private long seed = 42;

        private Builder(Path checkpointDir, Path output) {
            this.checkpointDir = checkpointDir;
            this.output = output;
        }

        public Builder backbone(String name) {
            this.backbone = name;
            return this;
        }

        public Builder inputSize(int side) {
            this.inputSize = side;
            return this;
        }

        public Builder batchSize(int images) {
            this.batchSize = images;
            return this;
        }

        public Builder steps(long count) {
            this.steps = count;
            return this;
        }

        public Builder stepsPerEpoch(long count) {
            this.stepsPerEpoch = count;
            return this;
        }

        public Builder checkpointEvery(long count) {
            this.checkpointEvery = count;
            return this;
        }

        public Builder optimizer(OptimizerKind kind) {
            this.optimizer = kind;
            return this;
        }

        public Builder learningRate(float rate) {
            this.learningRate = rate;
            return this;
        }

        public Builder weightDecay(float value) {
            this.weightDecay = value;
            return this;
        }

        public Builder normalFraction(double share) {
            this.normalFraction = share;
            return this;
        }

        public Builder validationImages(int count) {
            this.validationImages = count;
            return this;
        }

        public Builder tuneFrom(int stage) {
            this.tuneFrom = stage;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public PretrainConfig build() {
            return new PretrainConfig(backbone, inputSize, batchSize, normalFraction, validationImages, tuneFrom,
                    output,
                    new LoopSettings("pretrain", steps, stepsPerEpoch, checkpointEvery, checkpointDir, seed, optimizer,
                            learningRate, LoopSettings.POLY_POWER, LoopSettings.MOMENTUM, weightDecay));
        }
    }
}
