package io.defectstudio.app.workspace;

import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.canvas.MaskStyle;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.ProjectStore.MaskKind;
import java.awt.image.BufferedImage;
import java.util.Optional;

/** An inspector's decisions on the image on screen: accept, no defect, support or not, flag. */
public final class Decisions {

    private final WorkspaceSession session;
    private final ImageQueue queue;
    private final ClassList classes;
    private final ImageEditor editor;
    private final SegmentationLoop segmentation;

    Decisions(WorkspaceSession session, ImageQueue queue, ClassList classes, ImageEditor editor,
            SegmentationLoop segmentation) {
        this.session = session;
        this.queue = queue;
        this.classes = classes;
        this.editor = editor;
        this.segmentation = segmentation;
    }

    /** Accepts the mask on screen as the label, then moves to the next image. */
    public void accept() {
        QueueEntry e = queue.current();
        Optional<MaskLayer> mask = canvas().mask();
        if (!decidable(e) || mask.isEmpty()) {
            return;
        }
        decide(e, mask.get().toImage(), editor.edited() || e.status() == ImageStatus.CORRECTED);
    }

    /**
     * Labels the image on screen "no defect of this class" in one key: its mask is cleared and stored as the label
     * (a correction when the prediction had painted something), then the next image comes.
     */
    public void markNoDefect() {
        QueueEntry e = queue.current();
        Optional<MaskLayer> mask = canvas().mask();
        if (!decidable(e) || mask.isEmpty()) {
            return;
        }
        boolean corrected = mask.get().countSet() > 0;
        MaskLayer empty = new MaskLayer(mask.get().width(), mask.get().height());
        canvas().replaceMask(empty.toImage(), MaskStyle.accepted());
        decide(e, empty.toImage(), corrected);
    }

    private boolean decidable(QueueEntry e) {
        return e != null && classes.active() != null && session.store() != null && e.status() != ImageStatus.SUPPORT;
    }

    /** Stores {@code snapshot} as the human-checked label of {@code e} and moves to the next unsettled image. */
    private void decide(QueueEntry e, BufferedImage snapshot, boolean corrected) {
        MaskKind kind = corrected ? MaskKind.CORRECTION : MaskKind.ACCEPTED;
        long classId = classes.active().id();
        ProjectStore s = session.store();
        session.write(() -> {
            ProjectStore.StoredMask saved = s.saveMask(e.imageId(), classId, kind, snapshot);
            s.recordDecision(e.imageId(), classId, ProjectStore.Decision.ACCEPTED);
            return saved;
        }, saved -> {
            session.countSaved();
            session.say((corrected ? "Corrected" : "Accepted") + " " + e.name() + " (version " + saved.version() + ")");
            editor.recordSaved(e, classId, saved);
            segmentation.settled(e.imageId());
            queue.update(e.imageId(), x -> x.withStatus(corrected ? ImageStatus.CORRECTED : ImageStatus.ACCEPTED));
            canvas().setStyle(MaskStyle.accepted());
            queue.nextUnsettled().ifPresent(editor::select);
        });
    }

    /** Toggles the support role of the image on screen; the support set changes, so the queue is re-segmented. */
    public void toggleSupport() {
        QueueEntry e = queue.current();
        Optional<MaskLayer> mask = canvas().mask();
        ClassInfo cls = classes.active();
        ProjectStore s = session.store();
        if (e == null || mask.isEmpty() || cls == null || s == null) {
            return;
        }
        boolean makeSupport = e.status() != ImageStatus.SUPPORT;
        MaskKind kind = makeSupport ? MaskKind.SUPPORT : MaskKind.CORRECTION;
        BufferedImage snapshot = mask.get().toImage();
        session.write(() -> s.saveMask(e.imageId(), cls.id(), kind, snapshot), saved -> {
            session.countSaved();
            ImageStatus st = makeSupport ? ImageStatus.SUPPORT : ImageStatus.CORRECTED;
            queue.update(e.imageId(), x -> x.withStatus(st));
            canvas().setStyle(editor.styleFor(st));
            session.say(makeSupport ? e.name() + " is now a support image: paint the defect"
                    : e.name() + " is no longer a support image");
            editor.recordSaved(e, cls.id(), saved);
            segmentation.resegment();
        });
    }

    /** Flags the image on screen for a second look, then moves on like an accept. */
    public void flag() {
        QueueEntry e = queue.current();
        ClassInfo cls = classes.active();
        ProjectStore s = session.store();
        if (e == null || cls == null || s == null) {
            return;
        }
        session.write(() -> {
            s.recordDecision(e.imageId(), cls.id(), ProjectStore.Decision.FLAGGED);
            return e;
        }, x -> {
            queue.update(e.imageId(), y -> y.withStatus(ImageStatus.FLAGGED));
            session.say("Flagged " + e.name());
            // As after an accept: the inspector has decided on this image, so the next one comes.
            queue.nextUnsettled().filter(n -> n.imageId() != e.imageId()).ifPresent(editor::select);
        });
    }

    private CanvasViewModel canvas() {
        return editor.canvas();
    }
}
