package io.defectstudio.app.cli;

import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.gui.tour.ScreenshotTour;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.workspace.EngineFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defect-studio screenshots}: PNGs of the real window on the demo project (run under xvfb-run). */
@Command(name = "screenshots", hidden = true, mixinStandardHelpOptions = true,
        description = "Open the workstation on a fresh copy of the demo project and save screenshots of the window "
                + "(needs a display, e.g. xvfb-run).")
public final class ScreenshotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder for the PNGs.")
    Path out;

    @Option(names = "--model", description = "Model bundle to segment with (default: the shipped model).")
    Path model;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("ds-screenshots");
        AppSettings settings = new AppSettings(data);
        EngineFactory engines = model == null ? Engines.production(settings)
                : (project, detail, problem) -> Optional.of(Engines.open(model, detail));
        ScreenshotTour.run(settings, engines, out, spec.commandLine().getOut());
        return DefectStudioCli.OK;
    }
}
