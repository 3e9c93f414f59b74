package io.defectstudio.app.workspace;

import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.inference.Masks;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The few-shot loop: the stored support masks of the active class become the engine's support set, every image not
 * yet decided is queued (the one on screen first), and each prediction is stored and shown as it comes.
 */
public final class SegmentationLoop {

    /** At most this many support images feed the engine (the few-shot setting is 1-5). */
    public static final int MAX_SUPPORT = 5;

    /** Where a new prediction goes besides the queue: the image on screen, if it is that image. */
    interface PredictionSink {
        void predicted(long imageId, ImageStatus status, SegmentationPort.Result result);
    }

    private final WorkspaceSession session;
    private final ImageQueue queue;
    private final ClassList classes;
    private final Sensitivity sensitivity;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final Set<Long> pending = new HashSet<>();
    private PredictionSink sink = (id, status, result) -> { };
    // read by the engine listener on a worker thread
    private volatile long classId = -1;
    private volatile long generation = -1;

    SegmentationLoop(WorkspaceSession session, ImageQueue queue, ClassList classes, Sensitivity sensitivity) {
        this.session = session;
        this.queue = queue;
        this.classes = classes;
        this.sensitivity = sensitivity;
    }

    void setSink(PredictionSink sink) {
        this.sink = sink;
    }

    /** Listens to the session's engine (call after the session opened a project). */
    void attach() {
        SegmentationPort engine = session.engine();
        if (engine != null) {
            engine.setListener(new EngineListener());
        }
    }

    void clear() {
        pending.clear();
        total.set(0);
        done.set(0);
        updateProgress();
    }

    /** Moves an image that still waits for its prediction to the front. */
    void prioritise(long imageId) {
        SegmentationPort engine = session.engine();
        if (engine != null && pending.contains(imageId)) {
            engine.prioritise(imageId);
        }
    }

    /** A person decided the image: a prediction that comes for it later is not counted as awaited. */
    void settled(long imageId) {
        pending.remove(imageId);
    }

    /** Sets the support set from the stored support masks and queues every image that is not settled. */
    public void resegment() {
        ProjectStore s = session.store();
        ClassInfo cls = classes.active();
        if (session.engine() == null || s == null || cls == null) {
            return;
        }
        long id = cls.id();
        List<Long> supportIds = queue.entries().stream().filter(e -> e.status() == ImageStatus.SUPPORT)
                .map(QueueEntry::imageId).toList();
        session.read(() -> supportOf(s, id, supportIds), support -> start(s, id, support));
    }

    private static List<SegmentationPort.Support> supportOf(ProjectStore s, long classId, List<Long> imageIds) {
        List<SegmentationPort.Support> support = new ArrayList<>();
        for (long id : imageIds) {
            Optional<ProjectStore.StoredMask> m = s.latestMask(id, classId);
            if (m.isPresent() && support.size() < MAX_SUPPORT) {
                BufferedImage mask = s.readMask(m.get().annotationId());
                if (MaskLayer.fromImage(mask).countSet() > 0) {
                    support.add(new SegmentationPort.Support(s.readImage(id), mask));
                }
            }
        }
        return support;
    }

    private void start(ProjectStore s, long forClass, List<SegmentationPort.Support> support) {
        SegmentationPort engine = session.engine();
        ClassInfo cls = classes.active();
        if (engine == null || s != session.store() || cls == null || cls.id() != forClass) {
            return;
        }
        pending.clear();
        if (support.isEmpty()) {
            engine.cancelAll();
            total.set(0);
            done.set(0);
            progress.set(0);
            session.say("Mark 1-" + MAX_SUPPORT + " images as support (S) and paint the defect to start segmenting");
            return;
        }
        classId = forClass;
        generation = engine.setSupport(support);
        QueueEntry onScreen = queue.current();
        long first = onScreen == null ? -1 : onScreen.imageId();
        // the image on screen is submitted first: a worker may start before a later prioritise() could move it
        List<QueueEntry> todo = queue.entries().stream().filter(e -> !e.status().isSettled())
                .sorted(Comparator.comparing((QueueEntry e) -> e.imageId() != first)).toList();
        todo.forEach(e -> pending.add(e.imageId()));
        total.set(todo.size());
        done.set(0);
        progress.set(todo.isEmpty() ? 1 : 0);
        for (QueueEntry e : todo) {
            long id = e.imageId();
            engine.submit(id, () -> s.readImage(id));
        }
        session.say(engine.fitsToSupport()
                ? "Fitting the model to " + support.size() + " support image(s), then segmenting " + todo.size()
                        + " images"
                : "Segmenting " + todo.size() + " images with " + support.size() + " support image(s)");
    }

    private final class EngineListener implements SegmentationPort.Listener {
        @Override
        public void segmented(long imageId, long gen, SegmentationPort.Result result) {
            ProjectStore s = session.store();
            SegmentationPort e = session.engine();
            long forClass = classId;
            // a result computed against a support set that has since changed is not stored
            if (s == null || e == null || forClass < 0 || gen != generation) {
                return;
            }
            String model = e.modelName();
            session.write(() -> {
                s.savePrediction(imageId, forClass, model, result);
                return imageId;
            }, id -> onPrediction(s, forClass, gen, id, result), "Saving a prediction");
        }

        @Override
        public void failed(long imageId, long gen, Throwable error) {
            session.runOnUi(() -> {
                countDone(gen, imageId);
                session.reportError("Segmenting image " + imageId, error);
            });
        }
    }

    private void onPrediction(ProjectStore s, long forClass, long gen, long imageId, SegmentationPort.Result result) {
        ClassInfo cls = classes.active();
        if (s != session.store() || cls == null || cls.id() != forClass) {
            return;
        }
        countDone(gen, imageId);
        Optional<QueueEntry> e = queue.find(imageId);
        if (e.isEmpty() || e.get().status().isSettled()) {
            return;
        }
        boolean modelPaints = Masks.countDefect(result.mask()) > 0;
        double cutAt = sensitivity.cutAt();
        boolean paints = result.probability() == null || Double.isNaN(cutAt) ? modelPaints
                : result.probability().peak() >= cutAt;
        ImageStatus st = e.get().status() == ImageStatus.FLAGGED ? ImageStatus.FLAGGED
                : paints ? ImageStatus.PREDICTED : ImageStatus.PREDICTED_CLEAN;
        Set<Long> ids = new HashSet<>(e.get().classIds());
        ids.add(forClass);
        // The model's confidence is in its own verdict; where the sensitivity turns that round it says nothing.
        double confidence = paints == modelPaints ? result.confidence() : Double.NaN;
        queue.update(imageId, x -> new QueueEntry(x.imageId(), x.name(), st, confidence, ids));
        sink.predicted(imageId, st, result);
    }

    private void countDone(long gen, long imageId) {
        if (gen == generation && pending.remove(imageId)) {
            done.set(done.get() + 1);
            updateProgress();
        }
    }

    private void updateProgress() {
        int t = total.get();
        progress.set(t == 0 ? 0 : (double) done.get() / t);
        if (t > 0 && done.get() >= t) {
            session.say("Segmented " + t + " images");
        }
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
