package io.defectstudio.app.review;

import io.defectstudio.app.canvas.CanvasViewModel;
import io.defectstudio.app.canvas.DisplayImage;
import io.defectstudio.app.canvas.MaskStyle;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.task.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the review mode: the filtered item list, the selection and its history, the supervisor's
 * comment and verdicts, and the per-class summary of what the filter shows. No controls; I/O runs through the
 * {@link TaskExecutor} (verdicts on its single writer), results arrive on the UI thread.
 */
public final class ReviewViewModel {
    private final ReviewStore store;
    private final TaskExecutor tasks;
    private final ZoneId zone;

    private final List<ReviewItem> all = new ArrayList<>();
    private final ObservableList<ReviewItem> visible = FXCollections.observableArrayList();
    private final ObservableList<ClassRef> classes = FXCollections.observableArrayList();
    private final ObservableList<String> inspectors = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<ClassSummary> summary = FXCollections.observableArrayList();

    /** The classes shown; none checked shows all. */
    private final ObservableList<ClassRef> classFilter = FXCollections.observableArrayList();
    private final ObjectProperty<ReviewStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObjectProperty<String> inspectorFilter = new SimpleObjectProperty<>();
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<ReviewItem> selected = new SimpleObjectProperty<>();
    /** The selected part on a read-only canvas: zoom, pan and window as in the workstation, no painting. */
    private final CanvasViewModel preview = new CanvasViewModel();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty supervisor = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean loadAgain;

    public ReviewViewModel(ReviewStore store, TaskExecutor tasks, ZoneId zone) {
        this.store = store;
        this.tasks = tasks;
        this.zone = zone;
        for (Observable o : List.of(classFilter, statusFilter, fromDate, toDate, inspectorFilter, flaggedOnly)) {
            o.addListener(x -> applyFilter());
        }
        selected.addListener((o, a, item) -> {
            loadHistory(item);
            loadPreview(item);
        });
    }

    /**
     * Reads the items in the background and shows them, keeping the selection. Called again while a read runs (other
     * stations saving as the inspectors work), it reads once more afterwards rather than once per call.
     */
    public void load() {
        if (busy.get()) {
            loadAgain = true;
            return;
        }
        busy.set(true);
        tasks.execute(() -> new Loaded(store.classes(), store.items()), loaded -> {
            loaded();
            // Replaced only when they changed: a filter's checked classes stay checked across reloads.
            if (!classes.equals(loaded.classes())) {
                classes.setAll(loaded.classes());
            }
            all.clear();
            all.addAll(loaded.items());
            TreeSet<String> names = new TreeSet<>();
            all.stream().map(ReviewItem::inspector).filter(n -> !n.isEmpty()).forEach(names::add);
            inspectors.setAll(names);
            applyFilter();
        }, err -> {
            loaded();
            failed(err);
        });
    }

    private void loaded() {
        busy.set(false);
        if (loadAgain) {
            loadAgain = false;
            load();
        }
    }

    private record Loaded(List<ClassRef> classes, List<ReviewItem> items) {
    }

    public ReviewFilter filter() {
        return new ReviewFilter(classFilter.stream().map(ClassRef::id).collect(Collectors.toSet()), statusFilter.get(),
                fromDate.get(), toDate.get(), inspectorFilter.get(), flaggedOnly.get(), zone);
    }

    private void applyFilter() {
        ReviewFilter f;
        try {
            f = filter();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        ReviewItem keep = selected.get();
        visible.setAll(all.stream().filter(f).toList());
        summary.setAll(SummaryStatistics.of(classes, visible));
        message.set(visible.size() == all.size() ? all.size() + " parts" : visible.size() + " of " + all.size()
                + " parts shown");
        if (keep == null || visible.stream().noneMatch(i -> i.key().equals(keep.key()))) {
            selected.set(visible.isEmpty() ? null : visible.get(0));
        }
    }

    public void approve() {
        decide(Verdict.APPROVE);
    }

    public void reject() {
        decide(Verdict.REJECT);
    }

    public void relabel() {
        decide(Verdict.RELABEL);
    }

    /** Stores the verdict on the selected item with the supervisor's name and comment, then moves to the next one. */
    public void decide(Verdict verdict) {
        ReviewItem item = selected.get();
        if (item == null) {
            message.set("Select a part first");
            return;
        }
        String who = supervisor.get() == null ? "" : supervisor.get().strip();
        if (who.isEmpty()) {
            message.set("Enter your name as supervisor before deciding");
            return;
        }
        String text = comment.get() == null ? "" : comment.get().strip();
        int index = visible.indexOf(item);
        tasks.write(() -> store.decide(item, verdict, who, text), updated -> {
            all.replaceAll(i -> i.key().equals(updated.key()) ? updated : i);
            comment.set("");
            message.set(item.imageName() + " / " + item.className() + ": " + verdict.label() + " by " + who);
            ReviewFilter f = filter();
            visible.setAll(all.stream().filter(f).toList());
            summary.setAll(SummaryStatistics.of(classes, visible));
            int stay = visible.indexOf(updated);
            int next = stay >= 0 ? stay + 1 : index;
            if (next >= visible.size()) {
                next = visible.size() - 1;
            }
            selected.set(next < 0 ? null : visible.get(next));
            if (selected.get() != null && selected.get().key().equals(updated.key())) {
                loadHistory(updated);
            }
        }, this::failed);
    }

    private void loadPreview(ReviewItem item) {
        if (item == null) {
            preview.clear();
            return;
        }
        tasks.execute(() -> {
            ReviewStore.Preview p = store.preview(item.key());
            return new Shown(p.key(), DisplayImage.of(p.image()), MaskLayer.fromImage(p.mask()));
        }, shown -> {
            ReviewItem now = selected.get();
            if (now != null && now.key().equals(shown.key())) {
                preview.showReadOnly(shown.image(), shown.mask(),
                        item.inspector().isEmpty() ? MaskStyle.prediction() : MaskStyle.accepted());
            }
        }, this::failed);
    }

    /** A part prepared for the canvas off the UI thread (copying and scanning a large image is no UI work). */
    private record Shown(ReviewItem.Key key, DisplayImage image, MaskLayer mask) {
    }

    /** The selected part's image and mask, read-only. */
    public CanvasViewModel preview() {
        return preview;
    }

    private void loadHistory(ReviewItem item) {
        if (item == null) {
            history.clear();
            return;
        }
        tasks.execute(() -> store.history(item.key()), entries -> {
            ReviewItem now = selected.get();
            if (now != null && now.key().equals(item.key())) {
                history.setAll(entries);
            }
        }, this::failed);
    }

    /** Writes the summary of the filtered items as CSV. */
    public void exportCsv(Path target) {
        export(ReviewCsv.summary(List.copyOf(summary)), target, "Summary");
    }

    /** Writes one row per filtered part and class (verdict, reviewer, time, area, model version) as CSV. */
    public void exportDecisionsCsv(Path target) {
        export(ReviewCsv.decisions(List.copyOf(visible), zone), target, "Decisions");
    }

    private void export(ReviewCsv.Table table, Path target, String what) {
        tasks.execute(() -> {
            ReviewCsv.write(table, target);
            return target;
        }, p -> message.set(what + " written to " + p + " (" + table.rows().size() + " rows)"), this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set("Error: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }

    public ObservableList<ReviewItem> visibleItems() {
        return visible;
    }

    public List<ReviewItem> allItems() {
        return List.copyOf(all);
    }

    public ObservableList<ClassRef> classes() {
        return classes;
    }

    public ObservableList<String> inspectors() {
        return inspectors;
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public ObservableList<ClassSummary> summary() {
        return summary;
    }

    /** The classes the list shows (none: all); the view keeps its checked items here. */
    public ObservableList<ClassRef> classFilter() {
        return classFilter;
    }

    public ObjectProperty<ReviewStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObjectProperty<String> inspectorFilterProperty() {
        return inspectorFilter;
    }

    /** Only the parts an inspector flagged for a second look. */
    public BooleanProperty flaggedOnlyProperty() {
        return flaggedOnly;
    }

    public ObjectProperty<ReviewItem> selectedProperty() {
        return selected;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty supervisorProperty() {
        return supervisor;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
