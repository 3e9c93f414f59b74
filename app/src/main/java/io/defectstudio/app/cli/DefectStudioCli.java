package io.defectstudio.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code defect-studio} root command; each subcommand is its own class. */
@Command(name = "defect-studio", mixinStandardHelpOptions = true, version = "Defect Studio 0.1.0",
        description = "Few-shot segmentation of metal surface defects. Without a subcommand the workstation opens.",
        subcommands = {SegmentCommand.class, CommandLine.HelpCommand.class})
public final class DefectStudioCli {
    /** Exit codes shared by every subcommand. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;

    /** A command line writing to {@code out}/{@code err}; tests capture both and the exit code. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new DefectStudioCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("defect-studio: " + (ex instanceof CliException ? "" : ex.getClass().getSimpleName()
                    + ": ") + ex.getMessage());
            line.getErr().flush();
            return ex instanceof CliException c ? c.exitCode() : FAILED;
        });
        return cl;
    }

    /** Runs the command line on stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }
}
