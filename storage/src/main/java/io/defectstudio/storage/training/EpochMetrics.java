package io.defectstudio.storage.training;

import java.time.Instant;

public record EpochMetrics(long runId, int epoch, String metricsJson, Instant recordedAt) {
}
