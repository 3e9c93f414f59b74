package io.defectstudio.app.engine;

import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.adapt.BundleOpener;
import java.nio.file.Path;
import java.util.Optional;

/** The production engine: the project's active model, else the shipped one; on the GPU when there is one. */
public final class Engines {
    private Engines() {
    }

    /** Opens a bundle at its default detail. */
    public static SegmentationServicePort open(Path bundle) {
        return open(bundle, 0);
    }

    /**
     * Opens a bundle on the GPU when there is one, else the CPU, with the networks the bundle may name, at a working
     * scale of {@code detail} pixels (0 = the model's default).
     */
    public static SegmentationServicePort open(Path bundle, int detail) {
        ModelBundle model = ModelBundle.load(bundle);
        Segmenter segmenter = BundleOpener.open(model, InferenceOptions.of(DeviceChoice.AUTO).withDetail(detail));
        return new SegmentationServicePort(segmenter, model.manifest().supportTuning().enabled());
    }

    public static EngineFactory production(AppSettings settings) {
        return (project, detail, onProblem) -> {
            try {
                Optional<Path> bundle = project.activeModelBundle();
                if (bundle.isEmpty()) {
                    bundle = ShippedModel.extract(settings.dataDir().resolve("models").resolve("default"));
                }
                if (bundle.isEmpty()) {
                    onProblem.accept("No model: the project has no active model and none is shipped.");
                    return Optional.empty();
                }
                return Optional.of(open(bundle.get(), detail));
            } catch (Exception | LinkageError e) {
                onProblem.accept("Cannot load the model: " + e.getMessage());
                return Optional.empty();
            }
        };
    }
}
