package io.defectstudio.app.workspace;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.QueueFilter;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The project's images with their status for the active class, the filtered and sorted part of them the list shows,
 * which one is current, and their thumbnails.
 */
public final class ImageQueue {

    private final WorkspaceSession session;
    private final ObservableList<QueueEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<QueueEntry> visible = FXCollections.observableArrayList();
    private final ObservableList<QueueEntry> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ObjectProperty<ImageStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassInfo> classFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(QueueOrder.IMPORT);
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<QueueEntry> current = new ReadOnlyObjectWrapper<>();
    /** Images another station has on screen (shared projects), with that station's name. */
    private final ObservableMap<Long, String> heldByOthers = FXCollections.observableHashMap();
    private Thumbnails thumbnails = new Thumbnails();
    /** The threshold predictions are sorted into "defect" and "no defect" by; NaN: as the model cut them. */
    private DoubleSupplier cutAt = () -> Double.NaN;

    ImageQueue(WorkspaceSession session) {
        this.session = session;
        statusFilter.addListener((o, a, b) -> refreshVisible());
        classFilter.addListener((o, a, b) -> refreshVisible());
        order.addListener((o, a, b) -> refreshVisible());
        nameFilter.addListener((o, a, b) -> refreshVisible());
    }

    void setCutAt(DoubleSupplier cutAt) {
        this.cutAt = cutAt;
    }

    /** Reads every image's status for {@code cls} (all unlabelled when null), then runs {@code then}. */
    void load(ClassInfo cls, Runnable then) {
        load(cls, then, () -> { });
    }

    /** {@link #load(ClassInfo, Runnable)}; {@code onFailure} runs instead of {@code then} if the read fails. */
    void load(ClassInfo cls, Runnable then, Runnable onFailure) {
        ProjectStore s = session.store();
        if (s == null) {
            onFailure.run();
            return;
        }
        double threshold = cutAt.getAsDouble();
        session.read(() -> new Loaded(cls == null
                ? s.images().stream().map(i -> new QueueEntry(i.id(), i.name(), ImageStatus.UNLABELLED, Double.NaN,
                        Set.of())).toList()
                : new QueueLoader(s).load(cls.id(), threshold), cls == null ? Map.of() : s.heldByOthers(cls.id())),
                        loaded -> {
                    entries.setAll(loaded.entries());
                    heldByOthers.clear();
                    heldByOthers.putAll(loaded.held());
                    QueueEntry cur = current.get();
                    if (cur != null) {
                        find(cur.imageId()).ifPresent(current::set);
                    }
                    refreshVisible();
                    then.run();
                }, onFailure);
    }

    private record Loaded(List<QueueEntry> entries, Map<Long, String> held) {
    }

    void clear() {
        heldByOthers.clear();
        classFilter.set(null);
        entries.clear();
        visible.clear();
        current.set(null);
        thumbnails = new Thumbnails();
    }

    private void refreshVisible() {
        ClassInfo cf = classFilter.get();
        QueueFilter f = new QueueFilter(statusFilter.get() == null ? Set.of() : Set.of(statusFilter.get()),
                cf == null ? null : cf.id(), nameFilter.get());
        visible.setAll(f.apply(entries, order.get()));
    }

    Optional<QueueEntry> find(long imageId) {
        return entries.stream().filter(e -> e.imageId() == imageId).findFirst();
    }

    /** Replaces one image's entry (and the current one, when it is that image). */
    void update(long imageId, UnaryOperator<QueueEntry> change) {
        for (int i = 0; i < entries.size(); i++) {
            QueueEntry e = entries.get(i);
            if (e.imageId() == imageId) {
                QueueEntry n = change.apply(e);
                entries.set(i, n);
                if (isCurrent(imageId)) {
                    current.set(n);
                }
                break;
            }
        }
        refreshVisible();
    }

    void setCurrent(QueueEntry entry) {
        current.set(entry);
    }

    /** The current entry, or null. */
    QueueEntry current() {
        return current.get();
    }

    boolean isCurrent(long imageId) {
        return current.get() != null && current.get().imageId() == imageId;
    }

    /** The visible entry {@code delta} places from the current one, clamped to the list. */
    Optional<QueueEntry> step(int delta) {
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        int idx = currentIndex();
        int n = idx < 0 ? 0 : Math.max(0, Math.min(visible.size() - 1, idx + delta));
        return Optional.of(visible.get(n));
    }

    /** The next visible entry after the current one, wrapping, that no one has decided yet or has on screen. */
    Optional<QueueEntry> nextUnsettled() {
        int idx = currentIndex();
        for (int k = 1; k <= visible.size(); k++) {
            QueueEntry cand = visible.get((idx + k + visible.size()) % visible.size());
            if (!cand.status().isSettled() && !heldByOthers.containsKey(cand.imageId())) {
                return Optional.of(cand);
            }
        }
        return Optional.empty();
    }

    private int currentIndex() {
        QueueEntry cur = current.get();
        if (cur != null) {
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).imageId() == cur.imageId()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Loads the thumbnail of an image in the background and hands it to {@code onReady} on the UI thread. */
    public void thumbnail(long imageId, Consumer<BufferedImage> onReady) {
        ProjectStore s = session.store();
        Thumbnails cache = thumbnails;
        if (s != null) {
            session.readQuietly(() -> cache.get(s, imageId), onReady, "Reading the thumbnail of image " + imageId);
        }
    }

    /** The filtered and sorted queue the list shows. */
    public ObservableList<QueueEntry> visible() {
        return visibleView;
    }

    public List<QueueEntry> entries() {
        return List.copyOf(entries);
    }

    public ObjectProperty<ImageStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<ClassInfo> classFilterProperty() {
        return classFilter;
    }

    /** A piece of the file name the list shows only matches of (blank: every image). */
    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ObjectProperty<QueueOrder> orderProperty() {
        return order;
    }

    /** Images other stations are correcting right now, with the station that has each. */
    public ObservableMap<Long, String> heldByOthers() {
        return FXCollections.unmodifiableObservableMap(heldByOthers);
    }

    public ReadOnlyObjectProperty<QueueEntry> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
