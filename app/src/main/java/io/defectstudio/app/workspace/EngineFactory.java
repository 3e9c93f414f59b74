package io.defectstudio.app.workspace;

import java.util.Optional;

/** Opens the segmentation engine for a project (the project's active model, else the shipped one). */
@FunctionalInterface
public interface EngineFactory {
    /**
     * Empty when no model can be loaded; the reason is reported through {@code onProblem}.
     *
     * @param detail the working scale to segment at, in pixels (0 = the model's default)
     */
    Optional<SegmentationPort> open(ProjectStore project, int detail, java.util.function.Consumer<String> onProblem);
}
