package io.defectstudio.training.train;

import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.training.loop.LoopSettings;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.loop.SegmentationLosses;
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
 * @param adWeight weight of EAMNet's attention-distillation term (0.05)
 * @param diceWeight weight of a soft Dice term added to BCE (0: BCE alone, as both papers train)
 * @param syntheticShare share of training episodes that are pseudo-defects painted on real surfaces (0: none)
 * @param validationEpisodes held-out episodes scored at each epoch end
 * @param calibrationEpisodes pseudo-defect episodes on which the bundle's threshold is chosen (0: keep 0.5)
 * @param output the model bundle to write
 * @param modelName name in the bundle's manifest
 * @param loop steps, optimizer, learning rate and its poly decay, seed and checkpoints (phase {@code meta-train}; a
 *     run resumes from its checkpoints)
 */
public record TrainingConfig(
        String architecture,
        String backbone,
        Path backboneWeights,
        boolean freezeBackbone,
        int inputSize,
        int shots,
        int batchSize,
        float adWeight,
        float diceWeight,
        float syntheticShare,
        int validationEpisodes,
        int calibrationEpisodes,
        Path output,
        String modelName,
        LoopSettings loop) {

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
        if (output == null) {
            throw new IllegalArgumentException("an output bundle is required");
        }
    }

    /**
     * The recipe of the Defect-8i benchmark runs (docs/benchmarks.md): a pre-trained backbone stays frozen (a random
     * one is trained), Adam 1e-3 with poly 0.9 decay, weight decay 1e-4, 400 steps of batch 2, 1-shot, 200x200, BCE
     * (+ 0.05 AD for EAMNet), threshold calibrated on 100 pseudo-defect episodes. Longer runs and the papers' SGD
     * fitted
     * the training classes better and unseen ones worse.
     */
    public static TrainingConfig defaults(String architecture, String backbone, Path backboneWeights,
            Path checkpointDir, Path output) {
        return builder(architecture, backbone, checkpointDir, output).backboneWeights(backboneWeights).build();
    }

    /** A run that starts from {@link #defaults}' recipe (with a random backbone); each setter changes one setting. */
    public static Builder builder(String architecture, String backbone, Path checkpointDir, Path output) {
        return new Builder(architecture, backbone, checkpointDir, output);
    }

    /** Named settings instead of two dozen positional ones; {@link #build} validates them. */
    public static final class Builder {
        private final String architecture;
        private final String backbone;
        private final Path checkpointDir;
        private final Path output;
        private Path backboneWeights;
        private boolean freezeBackbone;
        private int inputSize = 200;
        private int shots = 1;
        private int batchSize = 2;
        private long steps = 400;
        private long stepsPerEpoch = 100;
        private long checkpointEvery = 50;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private float learningRate = 1e-3f;
        private float momentum = LoopSettings.MOMENTUM;
        private float weightDecay = 1e-4f;
        private float adWeight = SegmentationLosses.AD_WEIGHT;
        private float diceWeight;
        private float syntheticShare;
        private int validationEpisodes = 60;
        private int calibrationEpisodes = 100;
        private long seed = 42;
        private String modelName;

        private Builder(String architecture, String backbone, Path checkpointDir, Path output) {
            this.architecture = architecture;
            this.backbone = backbone;
            this.checkpointDir = checkpointDir;
            this.output = output;
            this.modelName = architecture + "-" + backbone;
        }

        /** Pre-trained backbone weights (null: random); a pre-trained backbone is frozen unless told otherwise. */
        public Builder backboneWeights(Path weights) {
            this.backboneWeights = weights;
            this.freezeBackbone = weights != null;
            return this;
        }

        public Builder freezeBackbone(boolean freeze) {
            this.freezeBackbone = freeze;
            return this;
        }

        public Builder inputSize(int side) {
            this.inputSize = side;
            return this;
        }

        public Builder shots(int k) {
            this.shots = k;
            return this;
        }

        public Builder batchSize(int episodes) {
            this.batchSize = episodes;
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

        public Builder momentum(float value) {
            this.momentum = value;
            return this;
        }

        public Builder weightDecay(float value) {
            this.weightDecay = value;
            return this;
        }

        public Builder adWeight(float weight) {
            this.adWeight = weight;
            return this;
        }

        public Builder diceWeight(float weight) {
            this.diceWeight = weight;
            return this;
        }

        public Builder syntheticShare(float share) {
            this.syntheticShare = share;
            return this;
        }

        public Builder validationEpisodes(int count) {
            this.validationEpisodes = count;
            return this;
        }

        public Builder calibrationEpisodes(int count) {
            this.calibrationEpisodes = count;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder modelName(String name) {
            this.modelName = name;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(architecture, backbone, backboneWeights, freezeBackbone, inputSize, shots,
                    batchSize, adWeight, diceWeight, syntheticShare, validationEpisodes, calibrationEpisodes, output,
                    modelName, new LoopSettings("meta-train", steps, stepsPerEpoch, checkpointEvery, checkpointDir,
                            seed, optimizer, learningRate, LoopSettings.POLY_POWER, momentum, weightDecay));
        }
    }
}
