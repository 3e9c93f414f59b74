package io.defectstudio.training.datasets;

import java.nio.file.Path;

/** What an export wrote. {@code manifestSha256} identifies the whole export: same selection, same value. */
public record ExportReport(ExportFormat format, Path outDir, int items, int files, String manifestSha256) {
}
