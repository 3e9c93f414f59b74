package io.defectstudio.training.datasets;

import java.util.List;

/**
 * What an import did: the format it read, how many image/class masks went in, what it skipped and why, and where it
 * kept a person's correction instead of the dataset's mask.
 */
public record ImportReport(ImportFormat format, int imported, List<SkippedEntry> skipped,
        List<SkippedEntry> keptCorrections) {
    public ImportReport {
        skipped = List.copyOf(skipped);
        keptCorrections = List.copyOf(keptCorrections);
    }
}
