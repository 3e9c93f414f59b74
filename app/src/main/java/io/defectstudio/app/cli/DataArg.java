package io.defectstudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data folder a command reads images and masks from (train, pretrain, build-matcher, eval, calibrate). */
final class DataArg {
    @Option(names = "--data", required = true,
            description = "Data folder holding the datasets (for eval: the folder the episode list's paths are "
                    + "relative to).")
    Path data;

    /** Refuses a data folder that does not exist, before any work. */
    Path require() {
        if (!Files.isDirectory(data)) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "no such data folder: " + data);
        }
        return data;
    }
}
