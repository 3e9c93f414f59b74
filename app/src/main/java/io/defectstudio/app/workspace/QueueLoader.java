package io.defectstudio.app.workspace;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.StatusFacts;
import io.defectstudio.app.workspace.ProjectStore.Facts.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the stored facts of every image (a few reads for the whole queue) and derives its queue entry for the active
 * class. Runs off the UI thread.
 */
public final class QueueLoader {
    private final ProjectStore store;

    public QueueLoader(ProjectStore store) {
        this.store = store;
    }

    /**
     * Every image's entry for a class, with predictions cut at {@code threshold} ("no defect" where it paints none).
     */
    public List<QueueEntry> load(long activeClassId, double threshold) {
        ProjectStore.Facts facts = store.facts();
        List<ProjectStore.ClassInfo> classes = store.classes();
        List<QueueEntry> out = new ArrayList<>();
        for (ProjectStore.ImageInfo img : store.images()) {
            Set<Long> withMask = new HashSet<>();
            for (ProjectStore.ClassInfo c : classes) {
                Key key = new Key(img.id(), c.id());
                if (facts.masks().containsKey(key) || facts.predictions().containsKey(key)) {
                    withMask.add(c.id());
                }
            }
            Key active = new Key(img.id(), activeClassId);
            out.add(entry(img, withMask, Optional.ofNullable(facts.masks().get(active)),
                    Optional.ofNullable(facts.predictions().get(active)),
                    Optional.ofNullable(facts.decisions().get(active)), threshold));
        }
        return out;
    }

    /** The entry of one image for a class, its prediction as the model cut it. */
    public QueueEntry entry(ProjectStore.ImageInfo img, long classId, Set<Long> classIds) {
        return entry(img, classIds, store.latestMask(img.id(), classId), store.latestPrediction(img.id(), classId),
                store.latestDecision(img.id(), classId), Double.NaN);
    }

    private static QueueEntry entry(ProjectStore.ImageInfo img, Set<Long> classIds,
                                    Optional<ProjectStore.StoredMask> mask,
                                    Optional<ProjectStore.StoredPrediction> prediction,
                                    Optional<ProjectStore.Decision> decision, double threshold) {
        ProjectStore.MaskKind kind = mask.map(ProjectStore.StoredMask::kind).orElse(null);
        StatusFacts facts = new StatusFacts(
                kind == ProjectStore.MaskKind.SUPPORT,
                kind == ProjectStore.MaskKind.ACCEPTED || kind == ProjectStore.MaskKind.CORRECTION,
                kind == ProjectStore.MaskKind.CORRECTION,
                prediction.isPresent(),
                decision.orElse(null) == ProjectStore.Decision.FLAGGED);
        double confidence = prediction.map(ProjectStore.StoredPrediction::confidence).orElse(Double.NaN);
        ImageStatus status = ImageStatus.derive(facts);
        ProjectStore.StoredPrediction p = prediction.orElse(null);
        boolean paints = p != null && (Double.isNaN(threshold) ? p.defectPixels() > 0 : p.paintsAt(threshold));
        if (status == ImageStatus.PREDICTED && !paints) {
            status = ImageStatus.PREDICTED_CLEAN;
        }
        if (p != null && paints != p.defectPixels() > 0) {
            // The stored confidence is the model's in its own verdict; the sensitivity turned the verdict round.
            confidence = Double.NaN;
        }
        return new QueueEntry(img.id(), img.name(), status, confidence, classIds);
    }
}
