package io.defectstudio.training.datasets.project;

import io.defectstudio.storage.CorruptImageException;
import io.defectstudio.storage.ImageTooLargeException;
import io.defectstudio.storage.NotAnImageException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.ClassColours;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.training.datasets.DatasetItem;
import io.defectstudio.training.datasets.ImportTarget;
import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.SkippedEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stores checked items in a project as {@code IMPORTED} annotations, all in one transaction: a fault part way (locked
 * or
 * failing database, a source file gone) leaves the project's records exactly as they were. Images go in first; one the
 * project refuses (format, size, damage) is skipped with all its masks before any class or mask is written, so every
 * stored image gets its masks. Classes are then matched or created, and the masks saved last. Where a person's mask
 * (a support painting or a correction) is the current one for an image and class, the dataset's mask is not stored
 * over it: it is reported as a kept correction instead.
 */
public final class ProjectImportTarget implements ImportTarget {
    private final Project project;

    public ProjectImportTarget(Project project) {
        this.project = project;
    }

    @Override
    public Stored store(List<DatasetItem> items, String author, ProgressListener progress)
            throws IOException {
        return project.inTransaction(() -> storeAll(items, author, progress));
    }

    private Stored storeAll(List<DatasetItem> items, String author, ProgressListener progress)
            throws IOException {
        Map<Path, List<DatasetItem>> byImage = new LinkedHashMap<>();
        items.forEach(i -> byImage.computeIfAbsent(i.imageFile(), k -> new ArrayList<>()).add(i));
        List<SkippedEntry> skipped = new ArrayList<>();
        Map<Path, ImageRecord> stored = new LinkedHashMap<>();
        int done = 0;
        int total = byImage.size() + items.size();
        for (Path file : byImage.keySet()) {
            try {
                stored.put(file, project.images().importFile(file).image());
            } catch (NotAnImageException | CorruptImageException | ImageTooLargeException e) {
                skipped.add(new SkippedEntry(file.toString(), "project refused the image: " + e.getMessage()));
            }
            progress.progress(++done, total, "stored image " + file.getFileName());
        }
        Map<String, Long> classIds = new HashMap<>();
        for (Path file : stored.keySet()) {
            for (DatasetItem item : byImage.get(file)) {
                classIds.computeIfAbsent(item.className(), this::classId);
            }
        }
        List<SkippedEntry> kept = new ArrayList<>();
        for (Map.Entry<Path, ImageRecord> image : stored.entrySet()) {
            for (DatasetItem item : byImage.get(image.getKey())) {
                long imageId = image.getValue().id();
                long classId = classIds.get(item.className());
                Optional<Annotation> current = project.annotations().latest(imageId, classId);
                if (current.isPresent() && current.get().kind() != AnnotationKind.IMPORTED) {
                    Annotation a = current.get();
                    kept.add(new SkippedEntry(image.getKey().toString(), "class " + item.className() + ": kept "
                            + a.author() + "'s " + a.kind().name().toLowerCase(Locale.ROOT) + " (version " + a.version()
                            + ") as the current mask; the dataset's mask was not stored over it"));
                } else {
                    project.annotations().save(imageId, classId, AnnotationKind.IMPORTED, author, item.mask().load());
                }
                progress.progress(++done, total, "stored mask " + item.className() + "/" + item.imageName());
            }
        }
        return new Stored(skipped, kept);
    }

    /** An existing class of that name (exact, else ignoring case) or a new one; imports never rename classes. */
    private long classId(String name) {
        List<DefectClass> existing = project.classes().list();
        return existing.stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> existing.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst())
                .map(DefectClass::id)
                .orElseGet(() -> project.classes().create(name,
                        ClassColours.next(existing.stream().map(DefectClass::colourHex).toList()), "imported").id());
    }
}
