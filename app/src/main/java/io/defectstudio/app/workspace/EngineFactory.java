package io.defectstudio.app.workspace;

import java.util.Optional;

/** Opens the segmentation engine for a project (the project's active model, else the shipped one). */
@FunctionalInterface
public interface EngineFactory {
    /** Empty when no model can be loaded; the reason is reported through {@code onProblem}. */
    Optional<SegmentationPort> open(ProjectStore project, java.util.function.Consumer<String> onProblem);
}
