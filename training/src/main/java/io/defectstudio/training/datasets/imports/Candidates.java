package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.SkippedEntry;
import java.util.ArrayList;
import java.util.List;

/** What a reader found: candidates to check, and entries it already had to skip. */
public final class Candidates {
    private final List<ImportCandidate> found = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();

    public void add(ImportCandidate candidate) {
        found.add(candidate);
    }

    public void skip(String entry, String reason) {
        skipped.add(new SkippedEntry(entry, reason));
    }

    public List<ImportCandidate> found() {
        return found;
    }

    public List<SkippedEntry> skipped() {
        return skipped;
    }
}
