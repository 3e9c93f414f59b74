package io.defectstudio.training.datasets.project;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.predictions.Prediction;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.training.datasets.DatasetItem;
import io.defectstudio.training.datasets.ExportSelection;
import io.defectstudio.training.datasets.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The latest mask of every image and class in a project, with its provenance: who drew it and when, who approved
 * it (the latest review, if it approves and is not older than the mask), and the latest prediction's model.
 */
public final class ProjectDatasetSource {
    private ProjectDatasetSource() {
    }

    /** @throws IllegalArgumentException when the selection names a class the project does not have */
    public static List<DatasetItem> items(Project project, ExportSelection selection) {
        List<DefectClass> classes = project.classes().list();
        Set<String> unknown = new TreeSet<>(selection.classes());
        classes.forEach(c -> unknown.remove(c.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the project has no class " + String.join(", ", unknown)
                    + "; it has " + classes.stream().map(DefectClass::name).sorted().toList());
        }
        List<DatasetItem> items = new ArrayList<>();
        for (DefectClass defectClass : classes) {
            if (!selection.classes().isEmpty() && !selection.classes().contains(defectClass.name())) {
                continue;
            }
            for (Annotation a : project.annotations().latestForClass(defectClass.id())) {
                ImageRecord image = project.images().get(a.imageId());
                Optional<Review> review = project.reviews().latest(a.imageId(), a.classId())
                        .filter(r -> r.decision() == ReviewDecision.APPROVE)
                        .filter(r -> !r.createdAt().isBefore(a.createdAt()));
                Optional<Prediction> prediction = project.predictions().latest(a.imageId(), a.classId());
                Provenance provenance = new Provenance(a.author(), a.kind().name(), a.createdAt(),
                        review.map(Review::reviewer).orElse(null), review.map(Review::createdAt).orElse(null),
                        prediction.map(Prediction::modelVersion).orElse(null),
                        prediction.map(Prediction::createdAt).orElse(null));
                long annotationId = a.id();
                items.add(new DatasetItem(defectClass.name(), image.originalFileName(),
                        project.images().file(image.id()), () -> project.annotations().readMask(annotationId),
                        provenance, image.sha256()));
            }
        }
        return items;
    }
}
