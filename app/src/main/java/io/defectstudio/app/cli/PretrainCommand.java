package io.defectstudio.app.cli;

import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.runner.ConsoleProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code defect-studio pretrain}: class-agnostic backbone pre-training on a fold's training classes (segmenting any
 * defect against defect-free images), resumable, writing {@code <out>/backbone.safetensors} for
 * {@code train --weights}.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pre-train a backbone on a Defect-8i data folder's training classes for one fold (or all with "
                + "--fold -1) and write <out>/backbone.safetensors. Re-running the same command resumes.")
public final class PretrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FoldRun fold = new FoldRun();

    @Option(names = "--backbone", description = "Backbone (default: the recipe's).")
    String backbone;

    @Option(names = "--size", description = "Input side (default: the recipe's).")
    Integer size;

    @Option(names = "--batch", description = "Images per step (default: the recipe's).")
    Integer batch;

    @Option(names = "--steps", description = "Optimizer steps (default: the recipe's).")
    Long steps;

    @Option(names = "--epoch-steps", description = "Steps between validations (default: the recipe's).")
    Long epochSteps;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default: the recipe's).")
    Long checkpointEvery;

    @Option(names = "--optimizer", description = "ADAM or SGD (default: the recipe's).")
    OptimizerKind optimizer;

    @Option(names = "--lr", description = "Base learning rate (default: the recipe's).")
    Float learningRate;

    @Option(names = "--wd", description = "Weight decay (default: the recipe's).")
    Float weightDecay;

    @Option(names = "--normal-fraction", description = "Share of defect-free images per batch (default: the recipe's).")
    Double normalFraction;

    @Option(names = "--validation", description = "Held-out images scored at each epoch end (default: the recipe's).")
    Integer validation;

    @Option(names = "--seed", description = "Random seed (default: the recipe's).")
    Long seed;

    @Option(names = "--tune-from", description = "First backbone stage to tune: 0 the stem (all stages, the "
            + "default), 1-4 layer1-layer4; earlier stages keep their starting weights.")
    Integer tuneFrom;

    @Option(names = "--export-best", description = "Only write the best checkpoint's weights of a finished or stopped "
            + "run to <out>/backbone.safetensors.")
    boolean exportBest;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path out = fold.out;
        PretrainConfig d = PretrainConfig.defaults(out.resolve("checkpoints"), out.resolve("backbone.safetensors"));
        PretrainConfig config = ProjectArgs.userInput(() -> PretrainConfig.builder(d.loop().checkpointDir(), d.output())
                .backbone(backbone != null ? backbone : d.backbone())
                .inputSize(size != null ? size : d.inputSize())
                .batchSize(batch != null ? batch : d.batchSize())
                .steps(steps != null ? steps : d.loop().totalSteps())
                .stepsPerEpoch(epochSteps != null ? epochSteps : d.loop().stepsPerEpoch())
                .checkpointEvery(checkpointEvery != null ? checkpointEvery : d.loop().checkpointEvery())
                .optimizer(optimizer != null ? optimizer : d.loop().optimizer())
                .learningRate(learningRate != null ? learningRate : d.loop().learningRate())
                .weightDecay(weightDecay != null ? weightDecay : d.loop().weightDecay())
                .normalFraction(normalFraction != null ? normalFraction : d.normalFraction())
                .validationImages(validation != null ? validation : d.validationImages())
                .seed(seed != null ? seed : d.loop().seed())
                .tuneFrom(tuneFrom != null ? tuneFrom : d.tuneFrom())
                .build());
        if (exportBest) {
            BackbonePretrainer.exportBest(config);
            o.printf("Best backbone weights -> %s%n", config.output());
            return DefectStudioCli.OK;
        }
        Path data = fold.requireData();
        PretrainResult r = ProjectArgs.userInput(() -> BackbonePretrainer.run(config, Defect8iSource.open(data),
                FoldSplit.defect8i(fold.fold), new ConsoleProgress(o, 10)));
        o.printf(Locale.ROOT, "pretrain done: best held-out mIoU %.4f at step %d, wall %ds, weights %s%n",
                r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.weights());
        return DefectStudioCli.OK;
    }
}
