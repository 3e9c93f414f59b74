package io.defectstudio.app.workspace;

import java.nio.file.Path;
import java.util.List;

/** What a folder import did: files imported, duplicates skipped, and bad files with the reason. */
public record ImportReport(int imported, int duplicates, List<Skipped> skipped) {
    /** A file that was not imported. */
    public record Skipped(Path file, String reason) {
    }

    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    public String summary() {
        return imported + " imported, " + duplicates + " already in the project, " + skipped.size() + " skipped";
    }
}
