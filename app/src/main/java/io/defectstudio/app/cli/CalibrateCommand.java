package io.defectstudio.app.cli;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.adapt.SupportTuner;
import io.defectstudio.training.calibration.Calibration;
import io.defectstudio.training.episodes.FoldedSource;
import io.defectstudio.training.runner.ConsoleProgress;
import io.defectstudio.training.train.MetaTrainer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio calibrate}: re-chooses a bundle's defect threshold on pseudo-defect episodes. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Choose a model's defect threshold on made-up defect classes painted on the held-out images of "
                + "a fold's training classes, and store it in the bundle's model.json. 'train' already does this; "
                + "use it for bundles trained elsewhere or before.")
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BundleArg bundle = new BundleArg();

    @Mixin
    DataArg data = new DataArg();

    @Option(names = "--fold", defaultValue = "0", description = "The fold it was trained for, or -1 for all classes.")
    int fold;

    @Option(names = "--episodes", defaultValue = "100", description = "Pseudo-defect episodes to measure on.")
    int episodes;

    @Option(names = "--shots", defaultValue = "1", description = "Support images per episode.")
    int shots;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (as given to train).")
    long seed;

    @Option(names = "--tune-steps", defaultValue = "-1", description = "Steps of fitting the model to each support set "
            + "before it segments (0: none). Default: keep what model.json says.")
    int tuneSteps;

    @Option(names = "--tune-lr", defaultValue = "-1",
            description = "Learning rate of that fitting. Default: model.json's, "
            + "else 0.001.")
    double tuneLearningRate;

    @Option(names = "--support-threshold", arity = "1", paramLabel = "true|false", description = "Whether each support "
            + "set chooses its own threshold (each shot segmented with the others as support; a single shot with "
            + "augmented copies of itself). "
            + "Default: keep what model.json says.")
    Boolean supportThreshold;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ProjectArgs.requireExisting(bundle.model, data.data);
        if (episodes < 1 || shots < 1) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "--episodes and --shots must be at least 1");
        }
        Manifest kept = ProjectArgs.userInput(() -> ModelBundle.load(bundle.model).manifest());
        SupportTuning tuning = ProjectArgs.userInput(() -> SupportTuner.override(kept.supportTuning(), tuneSteps,
                tuneLearningRate));
        boolean fromSupport = supportThreshold == null ? kept.supportThreshold() : supportThreshold;
        FoldedSource source = ProjectArgs.userInput(() -> FoldedSource.open(data.data, fold));
        ConsoleProgress progress = new ConsoleProgress(o, 10);
        Calibration c = ProjectArgs.userInput(() -> MetaTrainer.calibrate(bundle.model, tuning, fromSupport,
                source.source(), source.split(), shots, episodes, seed,
                done -> progress.onCalibration(done, episodes)));
        o.printf(Locale.ROOT, "Threshold %.2f: pseudo-defect IoU %.1f %% (%.1f %% at 0.50) on %d episodes, support "
                + "tuning %d steps, %s -> %s%n", c.threshold(), 100 * c.iou(), 100 * c.iouAtHalf(), c.episodes(),
                tuning.steps(), fromSupport ? "each support set chooses its own threshold" : "one threshold for every "
                        + "support set", bundle.model);
        o.flush();
        return DefectStudioCli.OK;
    }
}
