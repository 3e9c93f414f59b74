package io.defectstudio.app.cli;

import io.defectstudio.app.gui.tour.BrushBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio bench-brush}: frame time of a brush stroke on a large image in the real window. */
@Command(name = "bench-brush", hidden = true, mixinStandardHelpOptions = true,
        description = "Open the workstation on a generated large image and time a brush stroke frame by frame "
                + "(needs a display, e.g. xvfb-run).")
public final class BenchBrushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "4096", description = "Image width and height (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--radius", defaultValue = "40", description = "Brush radius in image pixels.")
    double radius;

    @Option(names = "--frames", defaultValue = "240", description = "Drag events, one per frame.")
    int frames;

    @Option(names = "--one-to-one", description = "Zoom 1:1 instead of fitting the image.")
    boolean oneToOne;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("ds-bench-brush");
        BrushBenchmark.run(work, size, radius, oneToOne, frames, spec.commandLine().getOut());
        return DefectStudioCli.OK;
    }
}
