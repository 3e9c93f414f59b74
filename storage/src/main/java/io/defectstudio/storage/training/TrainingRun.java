package io.defectstudio.storage.training;

import java.nio.file.Path;
import java.time.Instant;

/** A meta-training run. {@code progress} is in [0, 1]; {@code checkpointPath} is {@code null} until one is written. */
public record TrainingRun(long id, String configJson, TrainingStatus status, double progress, Path checkpointPath,
                          Instant createdAt, Instant updatedAt) {
}
