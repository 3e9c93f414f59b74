package io.defectstudio.training.datasets;

import io.defectstudio.storage.Project;
import io.defectstudio.training.datasets.imports.Candidates;
import io.defectstudio.training.datasets.imports.ChecksumList;
import io.defectstudio.training.datasets.imports.Folders;
import io.defectstudio.training.datasets.imports.FormatDetector;
import io.defectstudio.training.datasets.imports.ImportCandidate;
import io.defectstudio.training.datasets.imports.ImportValidator;
import io.defectstudio.training.datasets.project.ProjectImportTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a dataset folder in two phases: first read and check every entry (bad ones are reported and skipped:
 * undecodable or truncated images, masks of the wrong size, dangling references, files that do not match the
 * folder's {@code SHA256SUMS} when it has one), then hand all good items to the target at once. A project stores
 * them in one transaction, so a fault while storing leaves nothing half-imported.
 */
public final class DatasetImporter {
    private DatasetImporter() {
    }

    /** Reads and checks a source without storing anything. */
    public static ImportPreview preview(Path source, ImportFormat format, String author, ProgressListener progress)
            throws IOException {
        ImportFormat actual = format == ImportFormat.AUTO ? FormatDetector.detect(source) : format;
        Candidates candidates = FormatDetector.reader(actual).read(source);
        List<SkippedEntry> skipped = new ArrayList<>(candidates.skipped());
        List<ImportCandidate> intact = ChecksumList.keepIntact(source, candidates.found(), skipped);
        ImportValidator.Result checked = ImportValidator.validate(intact, author, progress);
        skipped.addAll(checked.skipped());
        return new ImportPreview(actual, checked.items(), skipped);
    }

    /** Imports into a project as {@code IMPORTED} annotations by {@code author}; classes are created by name. */
    public static ImportReport importInto(Project project, Path source, ImportFormat format, String author,
                                          ProgressListener progress) throws IOException {
        return importInto(new ProjectImportTarget(project), source, format, author, progress);
    }

    public static ImportReport importInto(ImportTarget target, Path source, ImportFormat format, String author,
                                          ProgressListener progress) throws IOException {
        ImportPreview preview = preview(source, format, author, progress);
        ImportTarget.Stored stored = target.store(preview.items(), author, progress);
        List<SkippedEntry> skipped = new ArrayList<>(preview.skipped());
        for (SkippedEntry s : stored.refusedImages()) {
            skipped.add(new SkippedEntry(Folders.relative(source, Path.of(s.entry())), s.reason()));
        }
        List<SkippedEntry> kept = new ArrayList<>();
        for (SkippedEntry s : stored.keptCorrections()) {
            kept.add(new SkippedEntry(Folders.relative(source, Path.of(s.entry())), s.reason()));
        }
        Set<String> refusedFiles = new HashSet<>();
        stored.refusedImages().forEach(s -> refusedFiles.add(s.entry()));
        long imported = preview.items().stream().filter(i -> !refusedFiles.contains(i.imageFile().toString())).count()
                - kept.size();
        return new ImportReport(preview.format(), (int) imported, skipped, kept);
    }
}
