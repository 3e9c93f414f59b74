package io.defectstudio.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every run on a data folder shares (train, pretrain, build-matcher), declared once as a mixin. */
final class FoldRun {
    @Mixin
    DataArg data = new DataArg();

    @Option(names = "--fold", defaultValue = "0", description = "Benchmark fold 0-3, or -1 for all classes.")
    int fold;

    @Option(names = "--out", required = true, description = "Run folder: checkpoints and what the run writes.")
    Path out;

    /** Refuses a data folder that does not exist, before any work. */
    Path requireData() {
        return data.require();
    }
}
