package io.defectstudio.app.cli;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.bench.InferenceBench;
import io.defectstudio.inference.nets.Architectures;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--iterations", defaultValue = "30", description = "Timed queries per latency figure.")
    int iterations;

    @Option(names = "--queue", defaultValue = "40", description = "Images pushed through the service.")
    int queue;

    @Option(names = "--device", defaultValue = "AUTO", description = "AUTO, CPU or GPU.")
    DeviceChoice device;

    @Option(names = "--out", description = "Also write the table to this file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (bundle != null && !Files.exists(bundle)) {
            throw new CliException(DefectStudioCli.BAD_INPUT, "no such model bundle: " + bundle);
        }
        InferenceBench.Config d = InferenceBench.Config.defaults();
        InferenceBench.Config config = new InferenceBench.Config(architectures, backbones, bundle, d.inputSize(),
                d.queryWidth(), d.queryHeight(), d.shots(), d.warmup(), iterations, queue, device, d.intraOpThreads(),
                d.service());
        InferenceBench.Result result = InferenceBench.runIsolated(config, new PrintStream(System.err, true));
        String table = "Measured " + result.date() + " on " + result.machine() + "\n\n" + result.toMarkdown();
        o.println(table);
        if (out != null) {
            Files.writeString(out, table);
        }
        return DefectStudioCli.OK;
    }
}
