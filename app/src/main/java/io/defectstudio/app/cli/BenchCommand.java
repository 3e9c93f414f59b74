package io.defectstudio.app.cli;

import io.defectstudio.app.Launcher;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.bench.InferenceBench;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.service.ServiceOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio bench}: latency, queue throughput and peak memory of each network on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure, per network and backbone, the median and p95 latency per query with the support "
                + "cached and without, queue throughput through the segmentation service, and peak resident memory "
                + "(each network in its own JVM). Prints a Markdown table.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--arch", split = ",", description = "Networks (default: all).")
    List<String> architectures = Architectures.NAMES;

    @Option(names = "--backbone", split = ",", description = "Backbones (default: ${DEFAULT-VALUE}).")
    List<String> backbones = List.of("compact", "resnet18", "resnet50");

    @Option(names = "--model", description = "Measure this bundle instead of randomly initialised networks.")
    Path bundle;

    @Option(names = "--size", defaultValue = "200", description = "Input size of randomly initialised networks.")
    int size;

    @Option(names = "--query", defaultValue = "200x200", description = "Synthetic query size, WxH.")
    String query;

    @Option(names = "--support", description = "Synthetic support size, WxH (default: the query's).")
    String support;

    @Option(names = "--16bit", description = "Synthetic images in 16-bit grey (12-bit data).")
    boolean sixteenBit;

    @Option(names = "--detail", defaultValue = "0", description = "Working scale in pixels (0 = the model's default).")
    int detail;

    @Option(names = "--heap", defaultValue = "1g", description = "Java heap of each measuring JVM.")
    String heap;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed queries first.")
    int warmup;

    @Option(names = "--iterations", defaultValue = "30", description = "Timed queries per latency figure.")
    int iterations;

    @Option(names = "--queue", defaultValue = "40", description = "Images pushed through the service.")
    int queue;

    @Mixin
    EngineArgs engine = new EngineArgs();

    @Option(names = "--out", description = "Also write the table to this file.")
    Path out;

    @Option(names = "--shots", defaultValue = "1", description = "Support images.")
    int shots;


    @Option(names = "--workers", defaultValue = "0", description = "Queue workers (0 = the device's default, with "
            + "its batch size).")
    int workers;

    @Option(names = "--batch", defaultValue = "1", description = "Queue batch size, with --workers.")
    int batch;

    /** Set on the JVM each network is measured in: it measures here and prints its row. */
    @Option(names = "--in-process", hidden = true)
    boolean inProcess;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (bundle != null && !Files.exists(bundle)) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "no such model bundle: " + bundle);
        }
        int[] q = size(query, "--query");
        int[] s = support == null ? new int[2] : size(support, "--support");
        ProjectArgs.userInput(() -> {
            InferenceOptions.checkDetail(detail);
            return detail;
        });
        InferenceBench.Config config = new InferenceBench.Config(architectures, backbones, bundle, size, q[0], q[1],
                sixteenBit, s[0], s[1], detail, heap, shots, warmup, iterations, queue, engine.device, engine.threads,
                workers > 0 ? new ServiceOptions(workers, batch) : null);
        PrintStream log = new PrintStream(System.err, true);
        if (inProcess) {
            for (InferenceBench.Row row : InferenceBench.run(config, log).rows()) {
                o.println(row.toLine());
            }
            o.flush();
            return DefectStudioCli.OK;
        }
        InferenceBench.Result result = InferenceBench.runIsolated(config, log,
                List.of(Launcher.class.getName(), "bench", "--in-process"));
        String table = "Measured " + result.date() + " on " + result.machine() + "\n\n" + result.toMarkdown();
        o.println(table);
        if (out != null) {
            Files.writeString(out, table);
        }
        return DefectStudioCli.OK;
    }

    private static int[] size(String text, String option) {
        String[] wh = text.split("x");
        try {
            int[] v = {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
            if (wh.length == 2 && v[0] > 0 && v[1] > 0) {
                return v;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new CliException(DefectStudioCli.BAD_INPUT, option + " must be WIDTHxHEIGHT, got '" + text + "'");
    }
}
