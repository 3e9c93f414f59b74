package io.defectstudio.storage.models;

import java.nio.file.Path;
import java.time.Instant;

/** A registered model bundle; at most one is active. */
public record ModelRecord(long id, String name, Path bundlePath, String architecture, String metricsJson,
                          Instant createdAt, boolean active) {
}
