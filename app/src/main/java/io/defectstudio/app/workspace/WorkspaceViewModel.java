package io.defectstudio.app.workspace;

import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.canvas.DisplayImage;
import io.defectstudio.app.canvas.MaskCommit;
import io.defectstudio.app.canvas.MaskStyle;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.QueueFilter;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.ProjectStore.MaskKind;
import io.defectstudio.inference.Masks;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workstation's state: project, classes, queue, the image on screen and the few-shot loop. Every store call runs
 * through the task executor (reads in the background, writes on the one writer thread); results come back on the UI
 * thread. Knows no nodes.
 */
public final class WorkspaceViewModel implements AutoCloseable {
    /** At most this many support images feed the engine (the few-shot setting is 1-5). */
    public static final int MAX_SUPPORT = 5;

    private final TaskExecutor tasks;
    private final CanvasViewModel canvas = new CanvasViewModel();
    private final ObservableList<ClassInfo> classes = FXCollections.observableArrayList();
    private final ObjectProperty<ClassInfo> activeClass = new SimpleObjectProperty<>();
    private final ObservableList<QueueEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<QueueEntry> visible = FXCollections.observableArrayList();
    // One read-only view each: a fresh wrapper per call would hold its listeners only weakly and drop them on GC.
    private final ObservableList<ClassInfo> classesView = FXCollections.unmodifiableObservableList(classes);
    private final ObservableList<QueueEntry> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ObjectProperty<ImageStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassInfo> classFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(QueueOrder.IMPORT);
    private final ReadOnlyObjectWrapper<QueueEntry> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("No project");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("No model");
    private final ReadOnlyStringWrapper deviceName = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper segmentTotal = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper segmentDone = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper segmentProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<ImportReport> lastImport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper savedVersions = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private Thumbnails thumbnails = new Thumbnails();
    // read by the engine listener on a worker thread
    private volatile ProjectStore store;
    private volatile SegmentationPort engine;
    private volatile long segmentClassId = -1;
    private final Map<Long, ProjectStore.ImageInfo> images = new HashMap<>();
    private final Set<Long> pending = new HashSet<>();
    private volatile long generation = -1;
    private long loadToken;
    private boolean editedSinceLoad;
    /** The image on screen as it was shown: what undoing every edit returns it to, in the queue and the database. */
    private Shown shown;

    public WorkspaceViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        canvas.setOnMaskCommitted(this::persistMask);
        statusFilter.addListener((o, a, b) -> refreshVisible());
        classFilter.addListener((o, a, b) -> refreshVisible());
        order.addListener((o, a, b) -> refreshVisible());
        activeClass.addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                reloadQueue();
            }
        });
    }

    // --- project --------------------------------------------------------------------------------------------------

    /** Shows {@code project} (closing the previous one) and segments with {@code segmentation} (may be null). */
    public void open(ProjectStore project, SegmentationPort segmentation) {
        closeProject();
        this.store = project;
        this.engine = segmentation;
        this.thumbnails = new Thumbnails();
        projectName.set(project.name());
        if (segmentation != null) {
            modelName.set(segmentation.modelName());
            deviceName.set(segmentation.deviceName());
            segmentation.setListener(new EngineListener());
        } else {
            modelName.set("No model");
            deviceName.set("-");
        }
        background(project::classes, list -> {
            classes.setAll(list);
            if (list.isEmpty()) {
                reloadQueue();
            } else {
                activeClass.set(list.get(0));
            }
        });
    }

    public Optional<Path> projectFolder() {
        return Optional.ofNullable(store).map(ProjectStore::folder);
    }

    private void closeProject() {
        if (engine != null) {
            engine.cancelAll();
            engine.close();
            engine = null;
        }
        if (store != null) {
            try {
                tasks.flushWrites();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.close();
            store = null;
        }
        // Nothing of the previous project may survive: class ids restart at 1 in every project, so a kept active
        // class would look unchanged to the new one (no queue load) or not exist in it (saving fails).
        activeClass.set(null);
        classFilter.set(null);
        entries.clear();
        visible.clear();
        classes.clear();
        images.clear();
        pending.clear();
        current.set(null);
        shown = null;
        editedSinceLoad = false;
        segmentTotal.set(0);
        segmentDone.set(0);
        updateProgress();
        message.set("");
        canvas.clear();
    }

    @Override
    public void close() {
        closeProject();
    }

    // --- classes --------------------------------------------------------------------------------------------------

    public void createClass(String name, String colourHex) {
        if (store == null || name == null || name.isBlank()) {
            return;
        }
        ProjectStore s = store;
        write(() -> s.createClass(name.strip(), colourHex), c -> {
            classes.add(c);
            activeClass.set(c);
        });
    }

    public void renameClass(ClassInfo c, String name) {
        if (store == null || c == null || name == null || name.isBlank()) {
            return;
        }
        ProjectStore s = store;
        write(() -> {
            s.renameClass(c.id(), name.strip());
            return new ClassInfo(c.id(), name.strip(), c.colourHex());
        }, this::replaceClass);
    }

    public void recolourClass(ClassInfo c, String colourHex) {
        if (store == null || c == null) {
            return;
        }
        ProjectStore s = store;
        write(() -> {
            s.recolourClass(c.id(), colourHex);
            return new ClassInfo(c.id(), c.name(), colourHex);
        }, this::replaceClass);
    }

    private void replaceClass(ClassInfo updated) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).id() == updated.id()) {
                classes.set(i, updated);
            }
        }
        if (activeClass.get() != null && activeClass.get().id() == updated.id()) {
            // same id: the listener does not reload, only the colour of support masks changes
            activeClass.set(updated);
            QueueEntry e = current.get();
            if (e != null && e.status() == ImageStatus.SUPPORT) {
                canvas.setStyle(MaskStyle.support(updated.rgb()));
            }
        }
    }

    // --- queue ----------------------------------------------------------------------------------------------------

    /** Re-reads every image's status for the active class, then starts segmentation. */
    public void reloadQueue() {
        if (store == null) {
            return;
        }
        ProjectStore s = store;
        ClassInfo cls = activeClass.get();
        background(() -> {
            List<ProjectStore.ImageInfo> list = s.images();
            List<QueueEntry> loaded = cls == null
                    ? list.stream().map(i -> new QueueEntry(i.id(), i.name(), ImageStatus.UNLABELLED, Double.NaN,
                            Set.of())).toList()
                    : new QueueLoader(s).load(cls.id());
            return new Object[] {list, loaded};
        }, result -> {
            @SuppressWarnings("unchecked") List<ProjectStore.ImageInfo> list = (List<ProjectStore.ImageInfo>) result[0];
            @SuppressWarnings("unchecked") List<QueueEntry> loaded = (List<QueueEntry>) result[1];
            images.clear();
            list.forEach(i -> images.put(i.id(), i));
            entries.setAll(loaded);
            refreshVisible();
            QueueEntry cur = current.get();
            Optional<QueueEntry> again = cur == null ? Optional.empty() : find(cur.imageId());
            if (again.isPresent()) {
                show(again.get());
            } else if (!visible.isEmpty()) {
                select(visible.get(0));
            }
            resegment();
        });
    }

    private void refreshVisible() {
        ClassInfo cf = classFilter.get();
        QueueFilter f = new QueueFilter(statusFilter.get() == null ? Set.of() : Set.of(statusFilter.get()),
                cf == null ? null : cf.id());
        visible.setAll(f.apply(entries, order.get()));
    }

    private Optional<QueueEntry> find(long imageId) {
        return entries.stream().filter(e -> e.imageId() == imageId).findFirst();
    }

    private void updateEntry(long imageId, UnaryOperator<QueueEntry> change) {
        for (int i = 0; i < entries.size(); i++) {
            QueueEntry e = entries.get(i);
            if (e.imageId() == imageId) {
                QueueEntry n = change.apply(e);
                entries.set(i, n);
                if (current.get() != null && current.get().imageId() == imageId) {
                    current.set(n);
                }
                break;
            }
        }
        refreshVisible();
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        if (visible.isEmpty()) {
            return;
        }
        QueueEntry cur = current.get();
        int idx = cur == null ? -1 : indexOf(visible, cur.imageId());
        int n = idx < 0 ? 0 : Math.max(0, Math.min(visible.size() - 1, idx + delta));
        select(visible.get(n));
    }

    private static int indexOf(List<QueueEntry> list, long imageId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).imageId() == imageId) {
                return i;
            }
        }
        return -1;
    }

    /** Shows an image: its settled mask, else its prediction, else an empty mask. */
    public void select(QueueEntry entry) {
        if (entry == null || store == null || activeClass.get() == null && !classes.isEmpty()) {
            return;
        }
        if (current.get() != null && current.get().imageId() == entry.imageId() && canvas.mask().isPresent()) {
            current.set(entry);
            return;
        }
        show(entry);
    }

    /** Loads an image onto the canvas with the active class's mask, even when it is the one on screen. */
    private void show(QueueEntry entry) {
        current.set(entry);
        long token = ++loadToken;
        ProjectStore s = store;
        ClassInfo cls = activeClass.get();
        background(() -> loadForDisplay(s, entry.imageId(), cls), loaded -> {
            if (token != loadToken) {
                return;
            }
            editedSinceLoad = false;
            QueueEntry now = find(entry.imageId()).orElse(entry);
            shown = new Shown(now.imageId(), now.status(), loaded.version(), loaded.fromPrediction());
            canvas.show(loaded.image(), loaded.mask(), styleFor(now.status(), loaded.fromPrediction()));
        });
        if (engine != null && pending.contains(entry.imageId())) {
            engine.prioritise(entry.imageId());
        }
    }

    private record Loaded(DisplayImage image, MaskLayer mask, boolean fromPrediction, int version) {
    }

    private record Shown(long imageId, ImageStatus status, int version, boolean fromPrediction) {
    }

    private static Loaded loadForDisplay(ProjectStore s, long imageId, ClassInfo cls) {
        BufferedImage img = s.readImage(imageId);
        MaskLayer layer = new MaskLayer(img.getWidth(), img.getHeight());
        boolean fromPrediction = false;
        int version = 0;
        if (cls != null) {
            Optional<ProjectStore.StoredMask> mask = s.latestMask(imageId, cls.id());
            if (mask.isPresent()) {
                version = mask.get().version();
                layer.load(s.readMask(mask.get().annotationId()));
            } else {
                Optional<ProjectStore.StoredPrediction> p = s.latestPrediction(imageId, cls.id());
                if (p.isPresent()) {
                    layer.load(s.readPrediction(p.get().predictionId()));
                    fromPrediction = true;
                }
            }
        }
        return new Loaded(DisplayImage.of(img), layer, fromPrediction, version);
    }

    private MaskStyle styleFor(ImageStatus status, boolean fromPrediction) {
        ClassInfo cls = activeClass.get();
        return switch (status) {
            case SUPPORT -> MaskStyle.support(cls == null ? 0xE74C3C : cls.rgb());
            case ACCEPTED, CORRECTED -> MaskStyle.accepted();
            default -> MaskStyle.prediction();
        };
    }

    // --- decisions ------------------------------------------------------------------------------------------------

    /** Accepts the mask on screen as the label, then moves to the next image. */
    public void accept() {
        QueueEntry e = current.get();
        Optional<MaskLayer> mask = canvas.mask();
        if (e == null || mask.isEmpty() || activeClass.get() == null || store == null
                || e.status() == ImageStatus.SUPPORT) {
            return;
        }
        decide(e, mask.get().toImage(), editedSinceLoad || e.status() == ImageStatus.CORRECTED);
    }

    /**
     * Labels the image on screen "no defect of this class" in one key: its mask is cleared and stored as the label
     * (a correction when the prediction had painted something), then the next image comes.
     */
    public void markNoDefect() {
        QueueEntry e = current.get();
        Optional<MaskLayer> mask = canvas.mask();
        if (e == null || mask.isEmpty() || activeClass.get() == null || store == null
                || e.status() == ImageStatus.SUPPORT) {
            return;
        }
        boolean corrected = mask.get().countSet() > 0;
        MaskLayer empty = new MaskLayer(mask.get().width(), mask.get().height());
        canvas.replaceMask(empty.toImage(), MaskStyle.accepted());
        decide(e, empty.toImage(), corrected);
    }

    /** Stores {@code snapshot} as the human-checked label of {@code e} and moves to the next unsettled image. */
    private void decide(QueueEntry e, BufferedImage snapshot, boolean corrected) {
        MaskKind kind = corrected ? MaskKind.CORRECTION : MaskKind.ACCEPTED;
        long classId = activeClass.get().id();
        ProjectStore s = store;
        write(() -> {
            ProjectStore.StoredMask saved = s.saveMask(e.imageId(), classId, kind, snapshot);
            s.recordDecision(e.imageId(), classId, ProjectStore.Decision.ACCEPTED);
            return saved;
        }, saved -> {
            savedVersions.set(savedVersions.get() + 1);
            message.set((corrected ? "Corrected" : "Accepted") + " " + e.name() + " (version " + saved.version() + ")");
            pending.remove(e.imageId());
            updateEntry(e.imageId(), x -> x.withStatus(corrected ? ImageStatus.CORRECTED : ImageStatus.ACCEPTED));
            canvas.setStyle(MaskStyle.accepted());
            nextUnsettled();
        });
    }

    /** Toggles the support role of the image on screen; the support set changes, so the queue is re-segmented. */
    public void toggleSupport() {
        QueueEntry e = current.get();
        Optional<MaskLayer> mask = canvas.mask();
        if (e == null || mask.isEmpty() || activeClass.get() == null || store == null) {
            return;
        }
        boolean makeSupport = e.status() != ImageStatus.SUPPORT;
        MaskKind kind = makeSupport ? MaskKind.SUPPORT : MaskKind.CORRECTION;
        BufferedImage snapshot = mask.get().toImage();
        long classId = activeClass.get().id();
        ProjectStore s = store;
        write(() -> s.saveMask(e.imageId(), classId, kind, snapshot), saved -> {
            savedVersions.set(savedVersions.get() + 1);
            ImageStatus st = makeSupport ? ImageStatus.SUPPORT : ImageStatus.CORRECTED;
            updateEntry(e.imageId(), x -> x.withStatus(st));
            canvas.setStyle(styleFor(st, false));
            message.set(makeSupport ? e.name() + " is now a support image: paint the defect"
                    : e.name() + " is no longer a support image");
            resegment();
        });
    }

    /** Flags the image on screen for a second look. */
    public void flag() {
        QueueEntry e = current.get();
        if (e == null || activeClass.get() == null || store == null) {
            return;
        }
        long classId = activeClass.get().id();
        ProjectStore s = store;
        write(() -> {
            s.recordDecision(e.imageId(), classId, ProjectStore.Decision.FLAGGED);
            return e;
        }, x -> {
            updateEntry(e.imageId(), y -> y.withStatus(ImageStatus.FLAGGED));
            message.set("Flagged " + e.name());
        });
    }

    private void nextUnsettled() {
        QueueEntry cur = current.get();
        int idx = cur == null ? -1 : indexOf(visible, cur.imageId());
        for (int k = 1; k <= visible.size(); k++) {
            QueueEntry cand = visible.get((idx + k + visible.size()) % visible.size());
            if (!cand.status().isSettled()) {
                select(cand);
                return;
            }
        }
    }

    /**
     * Persists the mask on screen as a new version after each stroke, undo or redo; an undo back to the mask the image
     * was shown with takes the versions saved since then back instead, so the image is as it was.
     */
    private void persistMask(MaskCommit commit) {
        QueueEntry e = current.get();
        if (e == null || activeClass.get() == null || store == null) {
            return;
        }
        if (commit.asShown() && editedSinceLoad && shown != null && shown.imageId() == e.imageId()) {
            retractEdits(e, shown);
            return;
        }
        BufferedImage mask = commit.mask();
        editedSinceLoad = true;
        boolean support = e.status() == ImageStatus.SUPPORT;
        MaskKind kind = support ? MaskKind.SUPPORT : MaskKind.CORRECTION;
        long classId = activeClass.get().id();
        ProjectStore s = store;
        write(() -> s.saveMask(e.imageId(), classId, kind, mask), saved -> {
            savedVersions.set(savedVersions.get() + 1);
            message.set("Saved " + e.name() + " (version " + saved.version() + ")");
            if (support) {
                resegment();
            } else {
                pending.remove(e.imageId());
                if (e.status() != ImageStatus.CORRECTED && e.status() != ImageStatus.FLAGGED) {
                    updateEntry(e.imageId(), x -> x.withStatus(ImageStatus.CORRECTED));
                    if (current.get() != null && current.get().imageId() == e.imageId()) {
                        canvas.setStyle(MaskStyle.accepted());
                    }
                }
            }
        });
    }

    private void retractEdits(QueueEntry e, Shown before) {
        long classId = activeClass.get().id();
        ProjectStore s = store;
        write(() -> {
            s.retractMasks(e.imageId(), classId, before.version());
            return before;
        }, b -> {
            editedSinceLoad = false;
            savedVersions.set(savedVersions.get() + 1);
            message.set("Undone: " + e.name() + " is as it was shown" + (b.version() > 0 ? " (version " + b.version()
                    + ")" : ", a prediction"));
            updateEntry(e.imageId(), x -> x.withStatus(b.status()));
            if (current.get() != null && current.get().imageId() == e.imageId()) {
                canvas.setStyle(styleFor(b.status(), b.fromPrediction()));
            }
            if (b.status() == ImageStatus.SUPPORT) {
                resegment();
            }
        });
    }

    // --- segmentation ---------------------------------------------------------------------------------------------

    /** Sets the support set from the stored support masks and queues every image that is not settled. */
    public void resegment() {
        if (engine == null || store == null || activeClass.get() == null) {
            return;
        }
        ProjectStore s = store;
        long classId = activeClass.get().id();
        List<Long> supportIds = entries.stream().filter(e -> e.status() == ImageStatus.SUPPORT)
                .map(QueueEntry::imageId).toList();
        background(() -> {
            List<SegmentationPort.Support> support = new ArrayList<>();
            for (long id : supportIds) {
                Optional<ProjectStore.StoredMask> m = s.latestMask(id, classId);
                if (m.isPresent() && support.size() < MAX_SUPPORT) {
                    BufferedImage mask = s.readMask(m.get().annotationId());
                    if (MaskLayer.fromImage(mask).countSet() > 0) {
                        support.add(new SegmentationPort.Support(s.readImage(id), mask));
                    }
                }
            }
            return support;
        }, support -> startSegmentation(s, classId, support));
    }

    private void startSegmentation(ProjectStore s, long classId, List<SegmentationPort.Support> support) {
        if (engine == null || s != store || activeClass.get() == null || activeClass.get().id() != classId) {
            return;
        }
        pending.clear();
        if (support.isEmpty()) {
            engine.cancelAll();
            segmentTotal.set(0);
            segmentDone.set(0);
            segmentProgress.set(0);
            message.set("Mark 1-" + MAX_SUPPORT + " images as support (S) and paint the defect to start segmenting");
            return;
        }
        segmentClassId = classId;
        generation = engine.setSupport(support);
        QueueEntry onScreen = current.get();
        long first = onScreen == null ? -1 : onScreen.imageId();
        // the image on screen is submitted first: a worker may start before a later prioritise() could move it
        List<QueueEntry> todo = entries.stream().filter(e -> !e.status().isSettled())
                .sorted(java.util.Comparator.comparing((QueueEntry e) -> e.imageId() != first)).toList();
        todo.forEach(e -> pending.add(e.imageId()));
        segmentTotal.set(todo.size());
        segmentDone.set(0);
        segmentProgress.set(todo.isEmpty() ? 1 : 0);
        for (QueueEntry e : todo) {
            long id = e.imageId();
            engine.submit(id, () -> s.readImage(id));
        }
        message.set(engine.fitsToSupport()
                ? "Fitting the model to " + support.size() + " support image(s), then segmenting " + todo.size()
                        + " images"
                : "Segmenting " + todo.size() + " images with " + support.size() + " support image(s)");
    }

    private final class EngineListener implements SegmentationPort.Listener {
        @Override
        public void segmented(long imageId, long gen, BufferedImage mask, double confidence, long latencyMillis) {
            ProjectStore s = store;
            SegmentationPort e = engine;
            long classId = segmentClassId;
            // a result computed against a support set that has since changed is not stored
            if (s == null || e == null || classId < 0 || gen != generation) {
                return;
            }
            String model = e.modelName();
            tasks.write(() -> {
                s.savePrediction(imageId, classId, model, mask, confidence, latencyMillis);
                return imageId;
            }, id -> onPrediction(s, classId, gen, id, mask, confidence), err -> reportError("Saving a prediction", err));
        }

        @Override
        public void failed(long imageId, long gen, Throwable error) {
            tasks.runOnUi(() -> {
                if (gen == generation && pending.remove(imageId)) {
                    segmentDone.set(segmentDone.get() + 1);
                    updateProgress();
                }
                reportError("Segmenting image " + imageId, error);
            });
        }
    }

    private void onPrediction(ProjectStore s, long classId, long gen, long imageId, BufferedImage mask, double conf) {
        if (s != store || activeClass.get() == null || activeClass.get().id() != classId) {
            return;
        }
        if (gen == generation && pending.remove(imageId)) {
            segmentDone.set(segmentDone.get() + 1);
            updateProgress();
        }
        Optional<QueueEntry> e = find(imageId);
        if (e.isEmpty() || e.get().status().isSettled()) {
            return;
        }
        ImageStatus st = e.get().status() == ImageStatus.FLAGGED ? ImageStatus.FLAGGED
                : Masks.countDefect(mask) == 0 ? ImageStatus.PREDICTED_CLEAN : ImageStatus.PREDICTED;
        Set<Long> ids = new HashSet<>(e.get().classIds());
        ids.add(classId);
        updateEntry(imageId, x -> new QueueEntry(x.imageId(), x.name(), st, conf, ids));
        // The canvas may still show the previous image while this one loads: only the image it shows takes the mask.
        if (shown != null && shown.imageId() == imageId && !editedSinceLoad) {
            canvas.replaceMask(mask, MaskStyle.prediction());
            shown = new Shown(imageId, st, shown.version(), true);
        }
    }

    private void updateProgress() {
        int total = segmentTotal.get();
        segmentProgress.set(total == 0 ? 0 : (double) segmentDone.get() / total);
        if (total > 0 && segmentDone.get() >= total) {
            message.set("Segmented " + total + " images");
        }
    }

    // --- import ---------------------------------------------------------------------------------------------------

    /** Imports every file of {@code folder}; bad files are listed in {@link #lastImportProperty()}. */
    public void importFolder(Path folder) {
        if (store == null) {
            return;
        }
        ProjectStore s = store;
        importProgress.set(0);
        busy.set(true);
        message.set("Importing " + folder);
        write(() -> new FolderImporter(s).importFiles(FolderImporter.listFiles(folder),
                (done, total) -> tasks.runOnUi(() -> importProgress.set((double) done / total))), report -> {
                    importProgress.set(-1);
                    busy.set(false);
                    lastImport.set(report);
                    message.set("Import: " + report.summary());
                    reloadQueue();
                });
    }

    /** Loads the thumbnail of an image in the background and hands it to {@code onReady} on the UI thread. */
    public void thumbnail(long imageId, java.util.function.Consumer<BufferedImage> onReady) {
        ProjectStore s = store;
        if (s != null) {
            tasks.execute(() -> thumbnails.get(s, imageId), onReady, err -> { });
        }
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

    private <T> void background(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        tasks.execute(work, onSuccess, err -> reportError("Reading the project", err));
    }

    private <T> void write(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        tasks.write(work, onSuccess, err -> {
            busy.set(false);
            importProgress.set(-1);
            reportError("Saving", err);
        });
    }

    private void reportError(String what, Throwable err) {
        String text = what + " failed: " + (err.getMessage() == null ? err.toString() : err.getMessage());
        tasks.runOnUi(() -> message.set(text));
        System.getLogger(WorkspaceViewModel.class.getName()).log(System.Logger.Level.WARNING, text, err);
    }

    // --- properties -----------------------------------------------------------------------------------------------

    public CanvasViewModel canvas() {
        return canvas;
    }

    public ObservableList<ClassInfo> classes() {
        return classesView;
    }

    public ObjectProperty<ClassInfo> activeClassProperty() {
        return activeClass;
    }

    /** The filtered and sorted queue the list shows. */
    public ObservableList<QueueEntry> visibleQueue() {
        return visibleView;
    }

    public List<QueueEntry> allEntries() {
        return List.copyOf(entries);
    }

    public ObjectProperty<ImageStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<ClassInfo> classFilterProperty() {
        return classFilter;
    }

    public ObjectProperty<QueueOrder> orderProperty() {
        return order;
    }

    public ReadOnlyObjectProperty<QueueEntry> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceNameProperty() {
        return deviceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty segmentTotalProperty() {
        return segmentTotal.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty segmentDoneProperty() {
        return segmentDone.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty segmentProgressProperty() {
        return segmentProgress.getReadOnlyProperty();
    }

    /** Import progress 0..1, or -1 when no import runs. */
    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> lastImportProperty() {
        return lastImport.getReadOnlyProperty();
    }

    /** Mask versions written in this session (strokes, acceptances, support changes). */
    public ReadOnlyIntegerProperty savedVersionsProperty() {
        return savedVersions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
