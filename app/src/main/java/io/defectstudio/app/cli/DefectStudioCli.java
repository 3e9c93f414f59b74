package io.defectstudio.app.cli;

import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.inference.InvalidInputException;
import io.defectstudio.inference.bundle.ModelBundleException;
import io.defectstudio.training.datasets.DatasetFormatException;
import io.defectstudio.training.episodes.EpisodeDataException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code defect-studio} root command; each subcommand is its own class ({@code bench}, {@code eval},
 * {@code train}, {@code export} and {@code import} join {@code segment} here).
 */
@Command(name = "defect-studio", mixinStandardHelpOptions = true, version = "Defect Studio 0.1.0",
        description = "Few-shot segmentation of metal surface defects. Without a subcommand the workstation opens.",
        subcommands = {SegmentCommand.class, EvalCommand.class, TrainCommand.class, PretrainCommand.class,
                BuildMatcherCommand.class, CalibrateCommand.class,
                BenchCommand.class, ExportCommand.class, ImportCommand.class, ProjectCommand.class,
                BenchBrushCommand.class, ScreenshotsCommand.class, CommandLine.HelpCommand.class})
public final class DefectStudioCli {
    /** Exit codes shared by every subcommand. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;

    /** A command line writing to {@code out}/{@code err} with the production engine. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Engines.production(AppSettings.fromEnvironment()));
    }

    /** A command line writing to {@code out}/{@code err}; tests capture both, the exit code, and pick the engine. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, EngineFactory engines) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SegmentCommand.class) {
                    return cls.cast(new SegmentCommand(engines));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = new CommandLine(new DefectStudioCli(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("defect-studio: " + (ex instanceof CliException ? "" : ex.getClass().getSimpleName()
                    + ": ") + ex.getMessage());
            line.getErr().flush();
            return exitCode(ex);
        });
        return cl;
    }

    /**
     * The exit code for a failure: a damaged or foreign model bundle, episode list, dataset or image is bad input
     * (the user can fix it), anything else a failure.
     */
    static int exitCode(Exception ex) {
        if (ex instanceof CliException c) {
            return c.exitCode();
        }
        boolean badInput = ex instanceof ModelBundleException || ex instanceof InvalidInputException
                || ex instanceof EpisodeDataException || ex instanceof DatasetFormatException;
        return badInput ? BAD_INPUT : FAILED;
    }

    /** Runs the command line on stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }
}
