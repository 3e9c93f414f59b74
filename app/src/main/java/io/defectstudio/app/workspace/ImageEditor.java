package io.defectstudio.app.workspace;

import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.canvas.DisplayImage;
import io.defectstudio.app.canvas.MaskCommit;
import io.defectstudio.app.canvas.MaskStyle;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.ProjectStore.MaskKind;
import io.defectstudio.inference.Masks;
import io.defectstudio.inference.ProbabilityMap;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The image on screen: choosing it from the queue, loading it with the active class's mask onto the canvas, and
 * saving each edit as a new version at once.
 */
public final class ImageEditor {

    private final WorkspaceSession session;
    private final ImageQueue queue;
    private final ClassList classes;
    private final SegmentationLoop segmentation;
    private final SharedStation shared;
    private final Sensitivity sensitivity;
    private final CanvasViewModel canvas = new CanvasViewModel();
    private long loadToken;
    private long recutToken;
    /** The prediction on screen with its probabilities, while it is shown unedited; null otherwise. */
    private Cut shownCut;
    private boolean editedSinceLoad;
    /** The image on screen as it was shown: what undoing every edit returns it to, in the queue and the database. */
    private Shown shown;
    /** The newest version of the image on screen this station knows of: a save landing above it crossed another's. */
    private int knownVersion;

    private record Loaded(DisplayImage image, MaskLayer mask, boolean fromPrediction, int version, Cut cut) {
    }

    /** A prediction's mask as the model cut it, and the probabilities the sensitivity cuts it from again. */
    private record Cut(BufferedImage modelMask, ProbabilityMap map) {
    }

    private record Shown(long imageId, ImageStatus status, int version, boolean fromPrediction) {
    }

    ImageEditor(WorkspaceSession session, ImageQueue queue, ClassList classes, SegmentationLoop segmentation,
                SharedStation shared, Sensitivity sensitivity) {
        this.session = session;
        this.queue = queue;
        this.classes = classes;
        this.segmentation = segmentation;
        this.shared = shared;
        this.sensitivity = sensitivity;
        canvas.setOnMaskCommitted(this::persist);
        sensitivity.thresholdProperty().addListener((o, a, b) -> recut());
    }

    void clear() {
        shown = null;
        shownCut = null;
        editedSinceLoad = false;
        canvas.clear();
    }

    public void next() {
        queue.step(1).ifPresent(this::select);
    }

    public void previous() {
        queue.step(-1).ifPresent(this::select);
    }

    /** Shows an image: its settled mask, else its prediction, else an empty mask. */
    public void select(QueueEntry entry) {
        if (entry == null || session.store() == null || classes.active() == null && !classes.classes().isEmpty()) {
            return;
        }
        if (queue.isCurrent(entry.imageId()) && canvas.mask().isPresent()) {
            queue.setCurrent(entry);
            return;
        }
        show(entry);
    }

    /** After the queue reloaded: the same image again (its mask may have changed), else the first one. */
    void reshow() {
        QueueEntry cur = queue.current();
        Optional<QueueEntry> again = cur == null ? Optional.empty() : queue.find(cur.imageId());
        if (again.isPresent()) {
            show(again.get());
        } else if (!queue.visible().isEmpty()) {
            select(queue.visible().get(0));
        }
    }

    /** Loads an image onto the canvas with the active class's mask, even when it is the one on screen. */
    private void show(QueueEntry entry) {
        queue.setCurrent(entry);
        long token = ++loadToken;
        ProjectStore s = session.store();
        ClassInfo cls = classes.active();
        double cut = sensitivity.cutAt();
        session.read(() -> load(s, entry.imageId(), cls, cut), loaded -> {
            if (token != loadToken) {
                return;
            }
            editedSinceLoad = false;
            shownCut = loaded.cut();
            recutToken++;
            QueueEntry now = queue.find(entry.imageId()).orElse(entry);
            shown = new Shown(now.imageId(), now.status(), loaded.version(), loaded.fromPrediction());
            knownVersion = loaded.version();
            canvas.show(loaded.image(), loaded.mask(), styleFor(now.status()));
            shared.shown(now, cls);
        });
        segmentation.prioritise(entry.imageId());
    }

    private static Loaded load(ProjectStore s, long imageId, ClassInfo cls, double threshold) {
        BufferedImage img = s.readImage(imageId);
        MaskLayer layer = new MaskLayer(img.getWidth(), img.getHeight());
        boolean fromPrediction = false;
        int version = 0;
        Cut cut = null;
        if (cls != null) {
            Optional<ProjectStore.StoredMask> mask = s.latestMask(imageId, cls.id());
            if (mask.isPresent()) {
                version = mask.get().version();
                layer.load(s.readMask(mask.get().annotationId()));
            } else {
                Optional<ProjectStore.StoredPrediction> p = s.latestPrediction(imageId, cls.id());
                if (p.isPresent()) {
                    BufferedImage modelMask = s.readPrediction(p.get().predictionId());
                    Optional<ProbabilityMap> map = s.readProbability(p.get().predictionId());
                    layer.load(map.isEmpty() || Double.isNaN(threshold) ? modelMask : map.get().mask(threshold));
                    cut = map.map(m -> new Cut(modelMask, m)).orElse(null);
                    fromPrediction = true;
                }
            }
        }
        return new Loaded(DisplayImage.of(img), layer, fromPrediction, version, cut);
    }

    MaskStyle styleFor(ImageStatus status) {
        ClassInfo cls = classes.active();
        return switch (status) {
            case SUPPORT -> MaskStyle.support(cls == null ? 0xE74C3C : cls.rgb());
            case ACCEPTED, CORRECTED -> MaskStyle.accepted();
            default -> MaskStyle.prediction();
        };
    }

    /** The active class took a new colour: a support mask on screen shows it. */
    void restyle(ClassInfo cls) {
        QueueEntry e = queue.current();
        if (e != null && e.status() == ImageStatus.SUPPORT) {
            canvas.setStyle(MaskStyle.support(cls.rgb()));
        }
    }

    /** A new prediction replaces the mask on screen only if it is that image and nobody has painted on it yet. */
    void showPrediction(long imageId, ImageStatus status, SegmentationPort.Result result) {
        // The canvas may still show the previous image while this one loads: only the image it shows takes the mask.
        if (shown != null && shown.imageId() == imageId && !editedSinceLoad) {
            canvas.replaceMask(result.mask(), MaskStyle.prediction());
            shown = new Shown(imageId, status, shown.version(), true);
            shownCut = result.probability() == null ? null : new Cut(result.mask(), result.probability());
            if (!sensitivity.isModels()) {
                recut();
            }
        }
    }

    /**
     * The sensitivity moved: the prediction on screen, if nobody has painted on it, is cut again from its stored
     * probabilities (in the background: a camera-size mask takes a few tens of milliseconds; back at the model's
     * threshold it is the model's own mask again), and its queue entry says whether it still paints a defect.
     */
    private void recut() {
        Cut cut = shownCut;
        if (cut == null || shown == null || !shown.fromPrediction() || editedSinceLoad || !stillPredicted()) {
            return;
        }
        long token = ++recutToken;
        long imageId = shown.imageId();
        double threshold = sensitivity.cutAt();
        session.read(() -> Double.isNaN(threshold) ? cut.modelMask() : cut.map().mask(threshold), mask -> {
            if (token != recutToken || editedSinceLoad || shown == null || shown.imageId() != imageId) {
                return;
            }
            canvas.replaceMask(mask, MaskStyle.prediction());
            boolean paints = Masks.countDefect(mask) > 0;
            ImageStatus status = paints ? ImageStatus.PREDICTED : ImageStatus.PREDICTED_CLEAN;
            queue.update(imageId, e -> e.status() != status
                    && (e.status() == ImageStatus.PREDICTED || e.status() == ImageStatus.PREDICTED_CLEAN)
                    ? e.withPrediction(status, Double.NaN) : e);
        });
    }

    /** The image whose load finished last: the one the canvas shows (empty before the first). */
    public OptionalLong shownImageId() {
        return shown == null ? OptionalLong.empty() : OptionalLong.of(shown.imageId());
    }

    /** Whether the image on screen is still only predicted: an accepted mask is a label, not re-cut. */
    private boolean stillPredicted() {
        return queue.find(shown.imageId()).map(e -> e.status() == ImageStatus.PREDICTED
                || e.status() == ImageStatus.PREDICTED_CLEAN).orElse(false);
    }

    /** Whether the mask on screen was painted since the image was shown. */
    boolean edited() {
        return editedSinceLoad;
    }

    /**
     * Persists the mask on screen as a new version after each stroke, undo or redo; an undo back to the mask the image
     * was shown with takes the versions saved since then back instead, so the image is as it was.
     */
    private void persist(MaskCommit commit) {
        QueueEntry e = queue.current();
        ProjectStore s = session.store();
        ClassInfo cls = classes.active();
        if (e == null || cls == null || s == null) {
            return;
        }
        if (commit.asShown() && editedSinceLoad && shown != null && shown.imageId() == e.imageId()) {
            retract(s, cls.id(), e, shown);
            return;
        }
        BufferedImage mask = commit.mask();
        editedSinceLoad = true;
        boolean support = e.status() == ImageStatus.SUPPORT;
        MaskKind kind = support ? MaskKind.SUPPORT : MaskKind.CORRECTION;
        session.write(() -> s.saveMask(e.imageId(), cls.id(), kind, mask), saved -> {
            session.countSaved();
            session.say("Saved " + e.name() + " (version " + saved.version() + ")");
            recordSaved(e, cls.id(), saved);
            if (support) {
                segmentation.resegment();
            } else {
                segmentation.settled(e.imageId());
                if (e.status() != ImageStatus.CORRECTED && e.status() != ImageStatus.FLAGGED) {
                    queue.update(e.imageId(), x -> x.withStatus(ImageStatus.CORRECTED));
                    if (queue.isCurrent(e.imageId())) {
                        canvas.setStyle(MaskStyle.accepted());
                    }
                }
            }
        });
    }

    /** A mask version of {@code e} was saved (a stroke, an acceptance): tells the shared station about it. */
    void recordSaved(QueueEntry e, long classId, ProjectStore.StoredMask saved) {
        boolean onScreen = queue.isCurrent(e.imageId());
        shared.saved(e.name(), e.imageId(), classId, onScreen ? knownVersion : saved.version() - 1, saved);
        if (onScreen) {
            knownVersion = saved.version();
        }
    }

    private void retract(ProjectStore s, long classId, QueueEntry e, Shown before) {
        session.write(() -> {
            s.retractMasks(e.imageId(), classId, before.version());
            return before;
        }, b -> {
            editedSinceLoad = false;
            knownVersion = b.version();
            session.countSaved();
            session.say("Undone: " + e.name() + " is as it was shown" + (b.version() > 0 ? " (version " + b.version()
                    + ")" : ", a prediction"));
            queue.update(e.imageId(), x -> x.withStatus(b.status()));
            if (queue.isCurrent(e.imageId())) {
                canvas.setStyle(styleFor(b.status()));
            }
            if (b.status() == ImageStatus.SUPPORT) {
                segmentation.resegment();
            }
        });
    }

    public CanvasViewModel canvas() {
        return canvas;
    }
}
