package io.defectstudio.app.cli;

import io.defectstudio.inference.nets.Architecture;
import io.defectstudio.training.train.TrainingConfig;
import io.defectstudio.training.train.TrainingResult;
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
 * {@code defect-studio build-matcher}: a training-free FeatureMatcher bundle on a backbone. Nothing is learned; the
 * held-out validation figure is measured and recorded, as for a trained model (the shipped default is built so).
 */
@Command(name = "build-matcher", mixinStandardHelpOptions = true,
        description = "Write a training-free FeatureMatcher model bundle on a backbone (nothing is learned) to "
                + "<out>/model, with its validation figure on held-out images of the fold's classes.")
public final class BuildMatcherCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FoldRun fold = new FoldRun();

    @Option(names = "--backbone", defaultValue = "mobilenet_v2_mid", description = "Backbone (default: "
            + "${DEFAULT-VALUE}, the shipped ImageNet-derived weights).")
    String backbone;

    @Option(names = "--weights", description = "Backbone weights (safetensors) instead of the shipped ones.")
    Path weights;

    @Option(names = "--size", defaultValue = "320", description = "Tile (network input) side.")
    int size;

    @Option(names = "--detail", defaultValue = "960", description = "Default working scale (0: one tile per image; "
            + "default: ${DEFAULT-VALUE}, the shipped model's, chosen on the crack lists).")
    int detail;

    @Option(names = "--support-views", defaultValue = "4", description = "Views (mirror images, transposes) "
            + "a single support shot is matched with; several shots get at least 2 each (1: none, up to 8; default: "
            + "${DEFAULT-VALUE}, the shipped model's).")
    int supportViews;

    @Option(names = "--validation", defaultValue = "40", description = "Held-out episodes to measure on.")
    int validation;

    @Option(names = "--name", description = "Model name in model.json.")
    String name;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path data = fold.requireData();
        Path out = fold.out;
        TrainingConfig.Builder recipe = TrainingConfig.builder(Architecture.MATCHER.cliName(), backbone,
                        out.resolve("checkpoints"), out.resolve("model"))
                .backboneWeights(weights)
                .inputSize(size)
                .validationEpisodes(validation)
                .calibrationEpisodes(0);
        if (name != null) {
            recipe.modelName(name);
        }
        TrainingConfig config = ProjectArgs.userInput(recipe::build);
        TrainingResult r = TrainCommand.run(config, data, fold.fold, null, detail, supportViews, o);
        o.printf(Locale.ROOT, "Built: validation mIoU %.4f in %ds -> %s%n", r.bestValidationIou(),
                r.wallTime().toSeconds(), r.bundle());
        return DefectStudioCli.OK;
    }
}
