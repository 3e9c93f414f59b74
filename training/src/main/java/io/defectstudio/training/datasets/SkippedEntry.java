package io.defectstudio.training.datasets;

/** An entry an import left out, with the file it came from (relative to the import folder) and why. */
public record SkippedEntry(String entry, String reason) {
    @Override
    public String toString() {
        return entry + ": " + reason;
    }
}
