package io.defectstudio.app.review;

import io.defectstudio.app.workspace.StorageProjectStore;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.predictions.Prediction;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link ReviewStore} over a storage {@link Project}. Supervisor verdicts are reviews with the SUPERVISOR role;
 * the inspector's accept and flag are INSPECTOR reviews. A verdict older than the current mask no longer counts:
 * the part is pending again once the inspector has relabelled it.
 */
public final class StorageReviewStore implements ReviewStore {
    private final Project project;

    public StorageReviewStore(Project project) {
        this.project = project;
    }

    @Override
    public List<ClassRef> classes() {
        return project.classes().list().stream().map(c -> new ClassRef(c.id(), c.name(), c.colourHex()))
                .toList();
    }

    @Override
    public List<ReviewItem> items() {
        Map<Long, String> classNames = classes().stream().collect(Collectors.toMap(ClassRef::id, ClassRef::name));
        Map<Long, ImageRecord> images = project.images().list().stream()
                .collect(Collectors.toMap(ImageRecord::id, Function.identity()));
        Map<ReviewItem.Key, Annotation> masks = new HashMap<>();
        project.annotations().latestAll().forEach(a -> masks.put(new ReviewItem.Key(a.imageId(), a.classId()), a));
        Map<ReviewItem.Key, Prediction> predictions = new HashMap<>();
        project.predictions().latestAll()
                .forEach(p -> predictions.put(new ReviewItem.Key(p.imageId(), p.classId()), p));
        Map<ReviewItem.Key, Review> inspected = new HashMap<>();
        Map<ReviewItem.Key, Review> supervised = new HashMap<>();
        for (Review r : project.reviews().list()) {
            ReviewItem.Key k = new ReviewItem.Key(r.imageId(), r.classId());
            (r.role() == ReviewRole.SUPERVISOR ? supervised : inspected).put(k, r);
        }
        Set<ReviewItem.Key> keys = new LinkedHashSet<>();
        keys.addAll(masks.keySet());
        keys.addAll(predictions.keySet());
        keys.addAll(inspected.keySet());
        List<ReviewItem> items = new ArrayList<>(keys.size());
        for (ReviewItem.Key k : keys) {
            ImageRecord image = images.get(k.imageId());
            items.add(item(k, image, classNames.get(k.classId()), masks.get(k), predictions.get(k), inspected.get(k),
                    supervised.get(k)));
        }
        items.sort(Comparator.comparing(ReviewItem::time).reversed()
                .thenComparing(ReviewItem::imageId).thenComparing(ReviewItem::classId));
        return items;
    }

    private ReviewItem item(ReviewItem.Key k, ImageRecord image, String className, Annotation mask,
                            Prediction prediction, Review inspection, Review verdict) {
        MaskMeasure measure;
        if (mask != null) {
            measure = MaskMeasure.of(project.annotations().readMask(mask.id()));
        } else if (prediction != null) {
            measure = MaskMeasure.of(project.predictions().readMask(prediction.id()));
        } else {
            measure = new MaskMeasure(0, (long) image.width() * image.height(), 0);
        }
        String inspector = "";
        Instant time = prediction != null ? prediction.createdAt() : Instant.EPOCH;
        if (mask != null) {
            inspector = StorageProjectStore.person(mask.author());
            time = mask.createdAt();
        }
        if (inspection != null && (mask == null || !inspection.createdAt().isBefore(mask.createdAt()))) {
            inspector = StorageProjectStore.person(inspection.reviewer());
            time = inspection.createdAt();
        }
        boolean flagged = inspection != null && inspection.decision() != ReviewDecision.APPROVE;
        OptionalDouble confidence = prediction == null ? OptionalDouble.empty()
                : OptionalDouble.of(prediction.confidence());
        ReviewItem item = new ReviewItem(k.imageId(), name(image), k.classId(), className, flagged,
                prediction != null, measure, confidence, inspector, time, ReviewStatus.PENDING,
                prediction == null ? "" : prediction.modelVersion(), "", null);
        if (verdict != null && (mask == null || !mask.createdAt().isAfter(verdict.createdAt()))) {
            item = item.withVerdict(ReviewStatus.of(verdict(verdict.decision())),
                    StorageProjectStore.person(verdict.reviewer()), verdict.createdAt());
        }
        return item;
    }

    @Override
    public Preview preview(ReviewItem.Key key) {
        BufferedImage image = project.images().read(key.imageId());
        BufferedImage mask = project.annotations().latest(key.imageId(), key.classId())
                .map(a -> project.annotations().readMask(a.id()))
                .or(() -> project.predictions().latest(key.imageId(), key.classId())
                        .map(p -> project.predictions().readMask(p.id())))
                .orElseGet(() -> new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY));
        return new Preview(key, image, mask);
    }

    private static String name(ImageRecord r) {
        return r.originalFileName() == null || r.originalFileName().isBlank()
                ? r.sha256().substring(0, 12) : r.originalFileName();
    }

    @Override
    public ReviewItem decide(ReviewItem item, Verdict verdict, String supervisor, String comment) {
        Review saved = project.reviews().record(item.imageId(), item.classId(), decision(verdict), supervisor, comment,
                ReviewRole.SUPERVISOR);
        return item.withVerdict(ReviewStatus.of(verdict), StorageProjectStore.person(saved.reviewer()),
                saved.createdAt());
    }

    @Override
    public List<HistoryEntry> history(ReviewItem.Key key) {
        List<HistoryEntry> events = new ArrayList<>();
        for (Prediction p : project.predictions().history(key.imageId(), key.classId())) {
            events.add(new HistoryEntry(p.createdAt(), p.modelVersion(), String.format(Locale.ROOT,
                    "Predicted (confidence %.2f, %d px)", p.confidence(), p.defectPixels()), ""));
        }
        for (Annotation a : project.annotations().history(key.imageId(), key.classId())) {
            events.add(new HistoryEntry(a.createdAt(), StorageProjectStore.person(a.author()), "Mask v" + a.version()
                    + " (" + a.kind().name().toLowerCase(Locale.ROOT) + ", " + a.defectPixels() + " px)", ""));
        }
        for (Review r : project.reviews().history(key.imageId())) {
            if (r.classId() != key.classId()) {
                continue;
            }
            String what = r.role() == ReviewRole.SUPERVISOR
                    ? "Supervisor: " + verdict(r.decision()).label()
                    : "Inspector: " + (r.decision() == ReviewDecision.APPROVE ? "accepted" : "flagged");
            events.add(new HistoryEntry(r.createdAt(), StorageProjectStore.person(r.reviewer()), what, r.comment()));
        }
        events.sort(Comparator.comparing(HistoryEntry::time));
        return events;
    }

    private static ReviewDecision decision(Verdict v) {
        return switch (v) {
            case APPROVE -> ReviewDecision.APPROVE;
            case REJECT -> ReviewDecision.REJECT;
            case RELABEL -> ReviewDecision.RELABEL;
        };
    }

    private static Verdict verdict(ReviewDecision d) {
        return switch (d) {
            case APPROVE -> Verdict.APPROVE;
            case REJECT -> Verdict.REJECT;
            case RELABEL -> Verdict.RELABEL;
        };
    }
}
