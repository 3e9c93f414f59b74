package io.defectstudio.app.cli;

import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.workspace.HeadlessSegmentationLoop;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.app.workspace.ProjectStore;
import io.defectstudio.app.workspace.SegmentationPort;
import io.defectstudio.app.workspace.StorageProjectStore;
import io.defectstudio.inference.InferenceOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio segment}: segments a project's queue from its support annotations and stores predictions. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment every image that is not support, accepted or corrected, using the project's support "
                + "masks and the active (else the shipped) model; store the predictions.")
public final class SegmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, description = "Project folder.")
    Path project;

    @Option(names = "--class", description = "Defect class name (default: every class with support images).")
    String className;

    @Option(names = "--out", description = "Also write each predicted mask as <out>/<class>/<image>.png.")
    Path out;

    @Option(names = "--detail", defaultValue = "0", description = "Working scale in pixels: a larger image is shrunk"
            + " until its longer side is this long, then segmented in tiles (0 = the model's default; 32..2048).")
    int detail;

    private final EngineFactory engines;

    public SegmentCommand() {
        this(Engines.production(AppSettings.fromEnvironment()));
    }

    public SegmentCommand(EngineFactory engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        ProjectArgs.userInput(() -> {
            InferenceOptions.checkDetail(detail);
            return detail;
        });
        try (ProjectStore store = new StorageProjectStore(ProjectArgs.open(project))) {
            List<ProjectStore.ClassInfo> classes = store.classes().stream()
                    .filter(c -> className == null || c.name().equalsIgnoreCase(className)).toList();
            if (classes.isEmpty()) {
                throw new CliException(DefectStudioCli.BAD_INPUT, className == null ? "the project has no classes"
                        : "no class named '" + className + "'; classes: "
                        + store.classes().stream().map(ProjectStore.ClassInfo::name).toList());
            }
            StringBuilder problems = new StringBuilder();
            try (SegmentationPort engine = engines.open(store, detail, problems::append).orElseThrow(() ->
                    new CliException(DefectStudioCli.FAILED, "no model: " + problems))) {
                o.printf("Model %s on %s%n", engine.modelName(), engine.deviceName());
                int total = 0;
                for (ProjectStore.ClassInfo c : classes) {
                    HeadlessSegmentationLoop segmenter = new HeadlessSegmentationLoop(store, engine);
                    int supports = segmenter.support(c.id()).size();
                    if (supports == 0) {
                        o.printf("%s: no painted support image, skipped%n", c.name());
                        continue;
                    }
                    o.printf("%s: %d support image(s)%s%n", c.name(), supports,
                            engine.fitsToSupport() ? ", fitting the model to them first" : "");
                    o.flush();
                    List<HeadlessSegmentationLoop.Result> results = segmenter.run(c.id(), (done, n, r) -> {
                        o.printf("  [%d/%d] %s confidence %.3f (%d ms)%n", done, n, r.imageName(), r.confidence(),
                                r.latencyMillis());
                        o.flush();
                        writeMask(c, r);
                    });
                    total += results.size();
                }
                o.printf("Stored %d prediction(s)%n", total);
            }
        }
        return DefectStudioCli.OK;
    }

    private void writeMask(ProjectStore.ClassInfo c, HeadlessSegmentationLoop.Result r) {
        if (out == null) {
            return;
        }
        String base = r.imageName().replaceAll("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = out.resolve(c.name().replaceAll("[^A-Za-z0-9._-]", "_")).resolve(base + ".png");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream s = Files.newOutputStream(file)) {
                ImageIO.write(r.mask(), "png", s);
            }
        } catch (IOException e) {
            throw new CliException(DefectStudioCli.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
