package io.defectstudio.app.engine;

import io.defectstudio.app.workspace.EngineFactory;
import java.util.Optional;

/** The production engine factory shared by the CLI and the workstation. */
public final class Engines {
    private Engines() {
    }

    public static EngineFactory production() {
        return (project, onProblem) -> {
            onProblem.accept("No segmentation engine is available yet.");
            return Optional.empty();
        };
    }
}
