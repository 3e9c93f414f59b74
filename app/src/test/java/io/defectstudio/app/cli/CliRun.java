package io.defectstudio.app.cli;

import io.defectstudio.app.workspace.EngineFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/** One run of the command line with its exit code and output captured, as the CLI tests drive it. */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with no segmentation engine (commands that need none). */
    static CliRun of(String... args) {
        return with((project, detail, onProblem) -> Optional.empty(), args);
    }

    static CliRun with(EngineFactory engines, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectStudioCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), engines)
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
