package io.defectstudio.app.cli;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.training.datasets.DatasetFormatException;
import io.defectstudio.training.datasets.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Opening a project and printing dataset progress, shared by the data-team subcommands. */
final class ProjectArgs {
    private ProjectArgs() {
    }

    static Project open(Path folder) {
        return open(folder, ProjectOptions.defaults());
    }

    static Project open(Path folder, ProjectOptions options) {
        try {
            return Project.open(folder, options);
        } catch (RuntimeException e) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "cannot open project " + folder + ": " + e.getMessage(),
                    e);
        }
    }

    /** Creates a project; a folder or database that cannot hold it is the user's input, not a crash. */
    static Project create(Path folder, Supplier<Project> creation) {
        try {
            return creation.get();
        } catch (RuntimeException e) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "cannot create a project in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** Refuses, as bad input, any path that names nothing. */
    static void requireExisting(Path... paths) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CliException(DefectStudioCli.BAD_INPUT, "no such file or folder: " + p);
            }
        }
    }

    /** Bad options and unusable dataset folders are the user's input, not a crash. */
    static <T> T userInput(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException | DatasetFormatException e) {
            throw new CliException(DefectStudioCli.BAD_INPUT, e.getMessage(), e);
        }
    }

    /** Prints one line per step; data teams run these headless on servers, so plain lines beat a redrawn bar. */
    static ProgressListener progress(PrintWriter out) {
        return (done, total, message) -> {
            out.printf("  [%d/%d] %s%n", done, total, message);
            out.flush();
        };
    }
}
