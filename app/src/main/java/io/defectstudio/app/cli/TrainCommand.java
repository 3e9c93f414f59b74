package io.defectstudio.app.cli;

import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.nets.Architecture;
import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.episodes.FoldedSource;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.runner.ConsoleProgress;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.TrainingConfig;
import io.defectstudio.training.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code defect-studio train}: headless meta-training for data teams, optionally after backbone pre-training. A run
 * killed at any point resumes from its last checkpoint when the same command is run again.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Meta-train a few-shot network on a data folder (Defect-8i or Surface Defect-4i/FSSD-12 "
                + "layout) for one fold, or on every class (--fold -1), and write a model bundle. Re-running the "
                + "same command resumes from the last checkpoint.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FoldRun fold = new FoldRun();

    @Option(names = "--arch", description = "lerenet, eamnet or baseline (default: eamnet).")
    String architecture = Architecture.DEFAULT_TRAINED.cliName();

    @Option(names = "--backbone", defaultValue = "compact", description = "compact, resnet18 or resnet50.")
    String backbone;

    @Option(names = "--weights", description = "Backbone weights (safetensors) to start from.")
    Path weights;

    @Option(names = "--pretrain-steps", defaultValue = "0",
            description = "First pre-train the backbone on the fold's training classes for N steps (0 = skip).")
    long pretrainSteps;

    @Option(names = "--steps", defaultValue = "400", description = "Meta-training steps.")
    long steps;

    @Option(names = "--epoch-steps", defaultValue = "100", description = "Steps between validations.")
    long epochSteps;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Steps between checkpoints.")
    long checkpointEvery;

    @Option(names = "--optimizer", defaultValue = "ADAM", description = "ADAM or SGD (momentum); both poly-decayed.")
    OptimizerKind optimizer;

    @Option(names = "--lr", description = "Base learning rate (default: the recipe's).")
    Float learningRate;

    @Option(names = "--wd", description = "Weight decay (default: the recipe's).")
    Float weightDecay;

    @Option(names = "--size", defaultValue = "200", description = "Network input side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--shots", defaultValue = "1", description = "Support images per episode.")
    int shots;

    @Option(names = "--batch", defaultValue = "2", description = "Episodes per step.")
    int batch;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed.")
    long seed;

    @Option(names = "--freeze", description = "Keep the backbone's weights fixed (EAMNet always does).")
    boolean freeze;

    @Option(names = "--classes", split = ",", description = "Train on these classes of the fold only (ablations).")
    List<String> classes;

    @Option(names = "--validation", description = "Held-out episodes scored at each epoch end (default: the recipe's).")
    Integer validation;

    @Option(names = "--calibration", description = "Pseudo-defect episodes the threshold is chosen on (0: keep 0.5; "
            + "default: the recipe's).")
    Integer calibration;

    @Option(names = "--dice", description = "Weight of a soft Dice term beside BCE (default: the recipe's).")
    Float dice;

    @Option(names = "--synthetic", description = "Share of pseudo-defect episodes (default: the recipe's).")
    Float synthetic;

    @Option(names = "--name", description = "Model name in model.json (default: the recipe's).")
    String name;

    @Option(names = "--detail", defaultValue = "0", description = "Default working scale written into the bundle "
            + "(0: the input size, one tile per image).")
    int detail;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path data = fold.requireData();
        Path out = fold.out;
        Architecture arch = ProjectArgs.userInput(() -> Architecture.fromName(architecture));
        if (!arch.trainable()) {
            throw new CliException(DefectStudioCli.BAD_INPUT, arch.cliName() + " is training-free: it has nothing to"
                    + " learn; choose one of " + Architecture.trainableOnes().stream().map(Architecture::cliName)
                    .toList());
        }
        Path backboneWeights = weights;
        if (pretrainSteps > 0) {
            PretrainConfig config = PretrainConfig.builder(out.resolve("pretrain/checkpoints"),
                            out.resolve("pretrain/backbone.safetensors"))
                    .backbone(backbone)
                    .inputSize(size)
                    .steps(pretrainSteps)
                    .stepsPerEpoch(Math.min(epochSteps, pretrainSteps))
                    .checkpointEvery(checkpointEvery)
                    .seed(seed)
                    .build();
            PretrainResult r = ProjectArgs.userInput(() -> BackbonePretrainer.run(config, Defect8iSource.open(data),
                    FoldSplit.defect8i(fold.fold), new ConsoleProgress(o, 10)));
            backboneWeights = r.weights();
            o.printf(Locale.ROOT, "Backbone pre-trained: best held-out IoU %.4f at step %d in %ds -> %s%n",
                    r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), backboneWeights);
        }
        TrainingConfig.Builder recipe = TrainingConfig.builder(architecture, backbone, out.resolve("checkpoints"),
                        out.resolve("model"))
                .backboneWeights(backboneWeights)
                .inputSize(size)
                .shots(shots)
                .batchSize(batch)
                .steps(steps)
                .stepsPerEpoch(epochSteps)
                .checkpointEvery(checkpointEvery)
                .optimizer(optimizer)
                .freezeBackbone(freeze)
                .seed(seed);
        if (learningRate != null) {
            recipe.learningRate(learningRate);
        }
        if (weightDecay != null) {
            recipe.weightDecay(weightDecay);
        }
        if (validation != null) {
            recipe.validationEpisodes(validation);
        }
        if (calibration != null) {
            recipe.calibrationEpisodes(calibration);
        }
        if (dice != null) {
            recipe.diceWeight(dice);
        }
        if (synthetic != null) {
            recipe.syntheticShare(synthetic);
        }
        if (name != null) {
            recipe.modelName(name);
        }
        TrainingConfig config = ProjectArgs.userInput(recipe::build);
        TrainingResult r = run(config, data, fold.fold, classes, detail, 1, o);
        o.printf(Locale.ROOT, "Trained: best validation mIoU %.4f at step %d in %ds, threshold %.2f (calibrated on "
                + "pseudo-defects) -> %s%n", r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(),
                r.threshold(), r.bundle());
        return DefectStudioCli.OK;
    }

    /**
     * Runs a configured training on a fold (optionally on some of its classes only) and writes {@code detail} and
     * {@code supportViews} into the bundle; shared with {@code build-matcher}.
     */
    static TrainingResult run(TrainingConfig config, Path data, int fold, List<String> classes, int detail,
            int supportViews, PrintWriter out) {
        return ProjectArgs.userInput(() -> {
            InferenceOptions.checkDetail(detail);
            FoldedSource source = FoldedSource.open(data, fold);
            FoldSplit split = classes == null ? source.split() : source.split().trainingOn(classes);
            TrainingResult r = MetaTrainer.run(config, source.source(), split, new ConsoleProgress(out, 10));
            if (detail > 0 || supportViews > 1) {
                // The working scale and the support views are chosen by measurement, not learned: set on the bundle.
                ModelBundle bundle = ModelBundle.load(r.bundle());
                Manifest m = bundle.manifest().withSupportViews(supportViews);
                try {
                    ModelBundle.write(r.bundle(), detail > 0 ? m.withDetail(detail) : m, bundle.readWeights());
                } catch (IOException e) {
                    throw new CliException(DefectStudioCli.FAILED, "cannot write " + r.bundle() + ": "
                            + e.getMessage(), e);
                }
            }
            return r;
        });
    }
}
