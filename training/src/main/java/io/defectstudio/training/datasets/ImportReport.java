package io.defectstudio.training.datasets;

import java.util.List;

/** What an import did: the format it read, how many image/class masks went in, and what it skipped and why. */
public record ImportReport(ImportFormat format, int imported, List<SkippedEntry> skipped) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
