package io.defectstudio.training.datasets;

import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.FormatDetector;
import io.defectstudio.training.datasets.imports.ImportValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a dataset folder in two phases: first read and check every entry (bad ones are reported and skipped),
 * then hand all good items to the target at once, which stores all of them or none.
 */
public final class DatasetImporter {
    private DatasetImporter() {
    }

    /** Reads and checks a source without storing anything. */
    public static ImportPreview preview(Path source, ImportFormat format, String author, ProgressListener progress)
            throws IOException {
        ImportFormat actual = format == ImportFormat.AUTO ? FormatDetector.detect(source) : format;
        Candidates candidates = FormatDetector.reader(actual).read(source);
        ImportValidator.Result checked = ImportValidator.validate(candidates.found(), author, progress);
        List<SkippedEntry> skipped = new ArrayList<>(candidates.skipped());
        skipped.addAll(checked.skipped());
        return new ImportPreview(actual, checked.items(), skipped);
    }

    public static ImportReport importInto(ImportTarget target, Path source, ImportFormat format, String author,
                                          ProgressListener progress) throws IOException {
        ImportPreview preview = preview(source, format, author, progress);
        target.store(preview.items(), author, progress);
        return new ImportReport(preview.format(), preview.items().size(), preview.skipped());
    }
}
