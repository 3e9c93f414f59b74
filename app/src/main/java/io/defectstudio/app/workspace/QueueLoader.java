package io.defectstudio.app.workspace;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.StatusFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the stored facts of every image and derives its queue entry for the active class. Runs off the UI thread. */
public final class QueueLoader {
    private final ProjectStore store;

    public QueueLoader(ProjectStore store) {
        this.store = store;
    }

    public List<QueueEntry> load(long activeClassId) {
        List<ProjectStore.ClassInfo> classes = store.classes();
        List<QueueEntry> out = new ArrayList<>();
        for (ProjectStore.ImageInfo img : store.images()) {
            Set<Long> withMask = new HashSet<>();
            for (ProjectStore.ClassInfo c : classes) {
                if (store.latestMask(img.id(), c.id()).isPresent()
                        || store.latestPrediction(img.id(), c.id()).isPresent()) {
                    withMask.add(c.id());
                }
            }
            out.add(entry(img, activeClassId, withMask));
        }
        return out;
    }

    /** The entry of one image for a class. */
    public QueueEntry entry(ProjectStore.ImageInfo img, long classId, Set<Long> classIds) {
        Optional<ProjectStore.StoredMask> mask = store.latestMask(img.id(), classId);
        Optional<ProjectStore.StoredPrediction> prediction = store.latestPrediction(img.id(), classId);
        Optional<ProjectStore.Decision> decision = store.latestDecision(img.id(), classId);
        ProjectStore.MaskKind kind = mask.map(ProjectStore.StoredMask::kind).orElse(null);
        StatusFacts facts = new StatusFacts(
                kind == ProjectStore.MaskKind.SUPPORT,
                kind == ProjectStore.MaskKind.ACCEPTED || kind == ProjectStore.MaskKind.CORRECTION,
                kind == ProjectStore.MaskKind.CORRECTION,
                prediction.isPresent(),
                decision.orElse(null) == ProjectStore.Decision.FLAGGED);
        double confidence = prediction.map(ProjectStore.StoredPrediction::confidence).orElse(Double.NaN);
        ImageStatus status = ImageStatus.derive(facts);
        if (status == ImageStatus.PREDICTED && prediction.get().defectPixels() == 0) {
            status = ImageStatus.PREDICTED_CLEAN;
        }
        return new QueueEntry(img.id(), img.name(), status, confidence, classIds);
    }
}
