package io.defectstudio.training.datasets;

import io.defectstudio.storage.Project;
import io.defectstudio.training.datasets.coco.CocoWriter;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;
import io.defectstudio.training.datasets.export.ManifestWriter;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.storage.CorruptImageException;
import io.defectstudio.training.datasets.io.Sha256;
import io.defectstudio.training.datasets.labelme.LabelmeWriter;
import io.defectstudio.training.datasets.layout.Fssd12Writer;
import io.defectstudio.training.datasets.layout.PngMaskWriter;
import io.defectstudio.training.datasets.layout.Sd4iWriter;
import io.defectstudio.training.datasets.voc.VocWriter;
import io.defectstudio.training.datasets.yolo.YoloSegWriter;
import io.defectstudio.training.datasets.project.ProjectDatasetSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * Exports a selection of items into a new folder. The same items and selection always give byte-identical files:
 * items are sorted by class, image name and image hash; masks are re-encoded deterministically; JSON keys have a
 * fixed order; no file holds the time of export. The folder appears complete or not at all: files are written
 * to {@code <outDir>.partial} and renamed at the end. A staging folder carries a marker file, so that a retry after
 * an interrupted export removes its own leftover but never a folder it did not make. Every project original is
 * checked against its recorded checksum before anything is written.
 */
public final class DatasetExporter {
    private static final String STAGING_MARKER = ".defect-studio-export";

    private DatasetExporter() {
    }

    /** Exports the latest masks of a project that the selection accepts. */
    public static ExportReport export(Project project, ExportSelection selection, ExportFormat format, Path outDir,
                                      ProgressListener progress) throws IOException {
        return export(ProjectDatasetSource.items(project, selection), selection, format, outDir, progress);
    }

    public static ExportReport export(Collection<DatasetItem> items, ExportSelection selection, ExportFormat format,
                                      Path outDir, ProgressListener progress) throws IOException {
        List<DatasetItem> selected = items.stream().filter(selection::accepts).toList();
        ClassIndex classes = new ClassIndex(new TreeSet<>(selected.stream().map(DatasetItem::className).toList()));
        List<ExportEntry> entries = prepare(selected, classes);

        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new DatasetFormatException("export folder " + target + " exists and is not empty");
        }
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        if (Files.exists(staging)) {
            if (!Files.isRegularFile(staging.resolve(STAGING_MARKER))) {
                throw new DatasetFormatException("a folder that is not an unfinished export is in the way: " + staging
                        + " (move or delete it and retry)");
            }
            deleteTree(staging);
        }
        Files.createDirectories(staging);
        try {
            Files.writeString(staging.resolve(STAGING_MARKER), "an unfinished Defect Studio export; safe to delete\n");
            ExportSink sink = new ExportSink(staging);
            List<ManifestEntry> written = writer(format).write(entries, classes, sink, progress);
            String manifestSha = ManifestWriter.write(format, selection, classes, written, sink);
            Files.delete(staging.resolve(STAGING_MARKER));
            Files.deleteIfExists(target);
            Files.move(staging, target);
            return new ExportReport(format, target, entries.size(), sink.files().size(), manifestSha);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static List<ExportEntry> prepare(List<DatasetItem> selected, ClassIndex classes) throws IOException {
        List<ExportEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DatasetItem item : selected) {
            String sha = Sha256.of(item.imageFile());
            if (item.recordedSha256() != null && !item.recordedSha256().equals(sha)) {
                throw new CorruptImageException(item.imageFile(), "the stored original of " + item.imageName()
                        + " (class " + item.className() + ") no longer matches its recorded SHA-256 "
                        + item.recordedSha256() + " (it is now " + sha + "); nothing was exported. Restore the file"
                        + " from a backup, or delete the image and import it again", null);
            }
            if (!seen.add(item.className() + "\n" + sha)) {
                throw new IllegalArgumentException("image " + item.imageName() + " appears twice in class "
                        + item.className() + "; export one mask per image and class");
            }
            entries.add(new ExportEntry(item, sha, classes.indexOf(item.className())));
        }
        entries.sort(Comparator.comparing((ExportEntry e) -> e.item().className())
                .thenComparing(e -> e.item().imageName())
                .thenComparing(ExportEntry::imageSha256));
        return entries;
    }

    private static LayoutWriter writer(ExportFormat format) {
        return switch (format) {
            case SURFACE_DEFECT_4I -> new Sd4iWriter();
            case FSSD_12 -> new Fssd12Writer();
            case COCO -> new CocoWriter();
            case COCO_POLYGON -> new CocoWriter(true);
            case PNG_MASKS -> new PngMaskWriter();
            case YOLO_SEG -> new YoloSegWriter();
            case VOC -> new VocWriter();
            case LABELME -> new LabelmeWriter();
        };
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) {
        try {
            PathUtils.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove unfinished export " + root, e);
        }
    }
}
