package io.defectstudio.app.cli;

import io.defectstudio.training.eval.EvalOptions;
import io.defectstudio.training.eval.EvalReport;
import io.defectstudio.training.eval.Evaluator;
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

/** {@code defect-studio eval}: scores a model bundle on a fixed episode list with the benchmark's rules. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a model on a fixed episode list (masks >= 128 are defect, scored at the original size, "
                + "per-class IoU summed over episodes; mIoU and FB-IoU), plus the false-positive rate on "
                + "defect-free MT_Free tiles.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BundleArg bundle = new BundleArg();

    @Option(names = "--episodes", required = true, description = "Episode list, e.g. fold0_1shot.tsv.")
    Path episodes;

    @Mixin
    DataArg data = new DataArg();

    @Option(names = "--limit", defaultValue = "0", description = "Score only the first N episodes (0 = all).")
    int limit;

    @Option(names = "--normal", defaultValue = "-1",
            description = "Defect-free tiles to test for false positives (-1 = all, 0 = none).")
    int normal;

    @Mixin
    EngineArgs engine = new EngineArgs();


    @Option(names = "--sweep", split = ",",
            description = "Also report mIoU at these thresholds, e.g. 0.1,0.3,0.5 (same network passes).")
    List<Double> sweep = List.of();

    @Option(names = "--detail", defaultValue = "0",
            description = "Working size in pixels (e.g. 200, 320, 480; 0 = the model's own input size).")
    int detail;

    @Option(names = "--support-cache", defaultValue = "" + EvalOptions.DEFAULT_SUPPORT_CACHE_MIB,
            description = "MiB of support-view features kept for reuse by later episodes (0 = none; speed only, "
                    + "never a score; default: ${DEFAULT-VALUE}).")
    int supportCache;

    @Option(names = "--every", defaultValue = "50", description = "Print progress every N episodes.")
    int every;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        ProjectArgs.requireExisting(bundle.model, episodes, data.data);
        EvalOptions options = ProjectArgs.userInput(() -> new EvalOptions(limit, normal, engine.device, engine.threads,
                sweep, detail, supportCache));
        EvalReport report = Evaluator.evaluate(bundle.model, episodes, data.data, options, p -> {
            if (p.done() % Math.max(1, every) == 0 || p.done() == p.total()) {
                o.printf(Locale.ROOT, "%s %d/%d elapsed %ds eta %ds%n", p.phase(), p.done(), p.total(),
                        p.elapsed().toSeconds(), p.remaining().toSeconds());
                o.flush();
            }
        });
        o.print(report.summary());
        o.flush();
        return DefectStudioCli.OK;
    }
}
