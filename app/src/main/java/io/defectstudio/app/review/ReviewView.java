package io.defectstudio.app.review;

import io.defectstudio.app.canvas.CanvasView;
import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.shortcut.Command;
import io.defectstudio.app.shortcut.KeyChord;
import io.defectstudio.app.shortcut.Shortcuts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The review mode: filters on top, the parts table, the selected part with its mask (the workstation's canvas, read
 * only: zoom, pan, window), its history with the comment and the three verdict buttons, and a summary tab. Keys come
 * from the shortcut table's review scope (A, R, F); Up and Down move through the parts.
 */
public final class ReviewView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ReviewViewModel vm;
    private final TableView<ReviewItem> table = new TableView<>();

    public ReviewView(ReviewViewModel vm, Shortcuts shortcuts, DialogService dialogs, ZoneId zone) {
        this.vm = vm;
        setId("review-view");
        setTop(filters(dialogs));
        TabPane tabs = new TabPane(new Tab("Parts", parts(zone)), new Tab("Summary", new SummaryView(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setBottom(footer(dialogs));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl) {
                return;
            }
            KeyChord chord = new KeyChord(e.getCode().name(), e.isShortcutDown(), e.isShiftDown());
            shortcuts.lookup(Shortcuts.Scope.REVIEW, chord).ifPresent(c -> {
                run(c);
                e.consume();
            });
        });
    }

    /** Runs a review command, as from its key. */
    public void run(Command c) {
        switch (c) {
            case REVIEW_APPROVE -> vm.approve();
            case REVIEW_REJECT -> vm.reject();
            case REVIEW_RELABEL -> vm.relabel();
            default -> {
            }
        }
    }

    public TableView<ReviewItem> table() {
        return table;
    }

    /**
     * Several classes at once (ControlsFX's CheckComboBox): a supervisor reviews, say, scratches and pits together.
     * The view-model replaces its class list only when the classes changed, so a reload keeps the checks.
     */
    private CheckComboBox<ClassRef> classChoice() {
        CheckComboBox<ClassRef> cls = new CheckComboBox<>(vm.classes());
        cls.setId("review-class");
        cls.setPrefWidth(150);
        cls.setTitle("All classes");
        cls.getCheckModel().getCheckedItems().addListener((ListChangeListener<ClassRef>) c -> {
            List<ClassRef> checked = List.copyOf(cls.getCheckModel().getCheckedItems());
            vm.classFilter().setAll(checked);
            cls.setTitle(checked.isEmpty() ? "All classes" : null);
        });
        return cls;
    }

    private ToolBar filters(DialogService dialogs) {
        CheckComboBox<ClassRef> cls = classChoice();
        ComboBox<ReviewStatus> status = new ComboBox<>();
        status.getItems().setAll(ReviewStatus.values());
        status.setId("review-status");
        status.setPromptText("Any status");
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        DatePicker from = new DatePicker();
        from.setId("review-from");
        from.setPromptText("From");
        from.setPrefWidth(120);
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setId("review-to");
        to.setPromptText("To");
        to.setPrefWidth(120);
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        ComboBox<String> inspector = new ComboBox<>(vm.inspectors());
        inspector.setId("review-inspector");
        inspector.setPromptText("Any inspector");
        inspector.valueProperty().bindBidirectional(vm.inspectorFilterProperty());
        CheckBox flagged = new CheckBox("Flagged only");
        flagged.setId("review-flagged");
        flagged.selectedProperty().bindBidirectional(vm.flaggedOnlyProperty());
        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> {
            vm.flaggedOnlyProperty().set(false);
            cls.getCheckModel().clearChecks();
            vm.statusFilterProperty().set(null);
            vm.fromDateProperty().set(null);
            vm.toDateProperty().set(null);
            vm.inspectorFilterProperty().set(null);
        });
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.load());
        return new ToolBar(new Label("Class"), cls, new Label("Status"), status, new Label("Date"), from, to,
                new Label("Inspector"), inspector, flagged, clear, reload);
    }

    /** The count of parts shown, and the exports beside it (on the filter bar they fell into its overflow menu). */
    private HBox footer(DialogService dialogs) {
        Label status = new Label();
        status.setId("review-message");
        status.textProperty().bind(vm.messageProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button export = new Button("Export summary CSV…");
        export.setId("review-export");
        export.setOnAction(e -> dialogs.chooseSaveFile("Export the review summary",
                "review-summary-" + LocalDate.now() + ".csv").ifPresent(vm::exportCsv));
        Button decisions = new Button("Export decisions CSV…");
        decisions.setId("review-export-decisions");
        decisions.setOnAction(e -> dialogs.chooseSaveFile("Export one row per part",
                "review-decisions-" + LocalDate.now() + ".csv").ifPresent(vm::exportDecisionsCsv));
        HBox footer = new HBox(8, status, export, decisions);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(4, 8, 4, 8));
        return footer;
    }

    private SplitPane parts(ZoneId zone) {
        table.setId("review-table");
        table.setItems(vm.visibleItems());
        table.getColumns().add(column("Part", i -> i.imageName(), 150));
        table.getColumns().add(column("Class", ReviewItem::className, 90));
        table.getColumns().add(column("Area px", i -> i.measure().defectPixels(), 70));
        table.getColumns().add(column("Area %", i -> String.format(Locale.ROOT, "%.2f", 100 * i.measure().share()),
                60));
        table.getColumns().add(column("Regions", i -> i.measure().regions(), 60));
        table.getColumns().add(column("Confidence", i -> i.confidence().isPresent()
                ? String.format(Locale.ROOT, "%.2f", i.confidence().getAsDouble()) : "-", 75));
        table.getColumns().add(column("Inspector", i -> i.inspector().isEmpty() ? "(model)" : i.inspector(), 90));
        table.getColumns().add(column("Time", i -> TIME.format(i.time().atZone(zone)), 120));
        table.getColumns().add(column("Flagged", i -> i.flagged() ? "yes" : "", 55));
        table.getColumns().add(column("Status", ReviewItem::status, 110));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item != vm.selectedProperty().get()) {
                vm.selectedProperty().set(item);
            }
        });
        vm.selectedProperty().addListener((o, a, item) -> syncSelection(item));
        vm.visibleItems().addListener((ListChangeListener<ReviewItem>) c -> syncSelection(vm.selectedProperty().get()));

        javafx.scene.control.ListView<HistoryEntry> history = new javafx.scene.control.ListView<>(vm.history());
        history.setId("review-history");
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : TIME.format(h.time().atZone(zone)) + "  " + h.who() + ": "
                        + h.what() + (h.comment().isEmpty() ? "" : "  \"" + h.comment() + "\""));
            }
        });
        TextArea comment = new TextArea();
        comment.setId("review-comment");
        comment.setPromptText("Comment (Enter returns to the list; then A / R / F)");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                table.requestFocus();
                e.consume();
            }
        });
        Button approve = new Button("Approve (A)");
        approve.setId("review-approve");
        approve.setOnAction(e -> vm.approve());
        Button reject = new Button("Reject (R)");
        reject.setId("review-reject");
        reject.setOnAction(e -> vm.reject());
        Button relabel = new Button("Relabel (F)");
        relabel.setId("review-relabel");
        relabel.setOnAction(e -> vm.relabel());
        for (Button b : new Button[] {approve, reject, relabel}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
            b.setFocusTraversable(false);
        }
        TextField supervisor = new TextField();
        supervisor.setId("review-supervisor");
        supervisor.setPromptText("Your name (stored with each decision)");
        supervisor.textProperty().bindBidirectional(vm.supervisorProperty());
        VBox side = new VBox(6, new Label("Supervisor"), supervisor, new Label("History"), history,
                new Label("Comment"), comment,
                new HBox(6, approve, reject, relabel));
        VBox.setVgrow(history, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setMinWidth(280);
        CanvasView part = new CanvasView(vm.preview());
        part.setId("review-preview");
        part.setMinWidth(200);
        SplitPane split = new SplitPane(table, part, side);
        split.setDividerPositions(0.45, 0.75);
        return split;
    }

    private void syncSelection(ReviewItem item) {
        if (item == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != item) {
            table.getSelectionModel().select(item);
            table.scrollTo(item);
        }
    }

    private static <T> TableColumn<ReviewItem, T> column(String title, Function<ReviewItem, T> value, double width) {
        TableColumn<ReviewItem, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> wrap(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static <T> ObservableValue<T> wrap(T v) {
        return v instanceof String s ? (ObservableValue<T>) new ReadOnlyStringWrapper(s)
                : new ReadOnlyObjectWrapper<>(v);
    }
}
