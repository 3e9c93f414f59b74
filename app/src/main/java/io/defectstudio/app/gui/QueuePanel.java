package io.defectstudio.app.gui;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The image queue: thumbnails with status badges, filtered by status and class, sorted by confidence or import. */
final class QueuePanel extends VBox {
    private final ListView<QueueEntry> list = new ListView<>();
    private final WorkspaceViewModel vm;
    private final TextField find;

    QueuePanel(WorkspaceViewModel vm) {
        super(6);
        this.vm = vm;
        setPadding(new Insets(8));
        Label title = new Label("Image queue");
        title.getStyleClass().add("panel-title");

        ComboBox<ImageStatus> status = new ComboBox<>();
        status.setId("filter-status");
        status.getItems().add(null);
        status.getItems().addAll(ImageStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageStatus s) {
                return s == null ? "All statuses" : s.label();
            }

            @Override
            public ImageStatus fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(vm.queue().statusFilterProperty());

        ObservableList<ClassInfo> classChoices = FXCollections.observableArrayList();
        ComboBox<ClassInfo> cls = new ComboBox<>(classChoices);
        cls.setId("filter-class");
        Runnable syncClasses = () -> {
            ClassInfo keep = cls.getValue();
            classChoices.setAll(FXCollections.observableArrayList((ClassInfo) null));
            classChoices.addAll(vm.classes().classes());
            cls.setValue(keep == null ? null : vm.classes().classes().stream().filter(c -> c.id() == keep.id())
                    .findFirst().orElse(null));
        };
        vm.classes().classes().addListener((ListChangeListener<ClassInfo>) c -> syncClasses.run());
        syncClasses.run();
        cls.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClassInfo c) {
                return c == null ? "All classes" : c.name();
            }

            @Override
            public ClassInfo fromString(String s) {
                return null;
            }
        });
        cls.valueProperty().addListener((o, a, b) -> vm.queue().classFilterProperty().set(b));

        ComboBox<QueueOrder> order = new ComboBox<>(FXCollections.observableArrayList(QueueOrder.values()));
        order.setId("queue-order");
        order.valueProperty().bindBidirectional(vm.queue().orderProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        cls.setMaxWidth(Double.MAX_VALUE);
        order.setMaxWidth(Double.MAX_VALUE);

        TextField find = new TextField();
        find.setId("queue-find");
        find.setPromptText("Find image by name (Ctrl+F)");
        find.textProperty().bindBidirectional(vm.queue().nameFilterProperty());
        // Enter opens the first match, Escape clears the search and gives the keys back to the canvas.
        find.setOnAction(e -> {
            if (!vm.queue().visible().isEmpty()) {
                vm.editor().select(vm.queue().visible().get(0));
            }
        });
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.clear();
                list.requestFocus();
                e.consume();
            }
        });
        this.find = find;

        list.setId("queue-list");
        list.setItems(vm.queue().visible());
        list.setCellFactory(v -> new EntryCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null && (vm.queue().currentProperty().get() == null
                    || vm.queue().currentProperty().get().imageId() != e.imageId())) {
                vm.editor().select(e);
            }
        });
        vm.queue().currentProperty().addListener((o, a, e) -> syncSelection());
        vm.queue().visible().addListener((ListChangeListener<QueueEntry>) c -> syncSelection());
        vm.queue().heldByOthers().addListener((MapChangeListener<Long, String>) c -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, find, status, cls, order, list);
    }

    /** Puts the cursor in the search box. */
    void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    private void syncSelection() {
        QueueEntry cur = vm.queue().currentProperty().get();
        if (cur == null) {
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).imageId() == cur.imageId()) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(Math.max(0, i - 3));
                }
                return;
            }
        }
    }

    private final class EntryCell extends ListCell<QueueEntry> {
        private final ImageView thumb = new ImageView();
        private final Label name = new Label();
        private final Label badge = new Label();
        private final Label holder = new Label();
        private final Tooltip nameTip = new Tooltip();
        private final javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(thumb);
        private final HBox box = new HBox(8, frame, new VBox(2, name, badge, holder));
        private long shownId = -1;

        EntryCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            holder.getStyleClass().add("queue-holder");
            holder.managedProperty().bind(holder.visibleProperty());
            thumb.setFitWidth(48);
            thumb.setFitHeight(48);
            thumb.setPreserveRatio(true);
            frame.setMinSize(48, 48);
            frame.setPrefSize(48, 48);
            frame.setMaxSize(48, 48);
            // A long file name keeps its start and its end (camera names differ in the counter at the end).
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.setTooltip(nameTip);
        }

        @Override
        protected void updateItem(QueueEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                shownId = -1;
                return;
            }
            name.setText(e.name());
            nameTip.setText(e.name());
            String conf = e.confidenceIfAny().isPresent()
                    ? String.format("  %.0f%%", 100 * e.confidenceIfAny().getAsDouble()) : "";
            badge.setText(e.status().label() + conf);
            String station = vm.queue().heldByOthers().get(e.imageId());
            holder.setVisible(station != null);
            holder.setText(station == null ? "" : "Open at " + station);
            badge.getStyleClass().setAll("badge", "badge-" + e.status().name().toLowerCase());
            if (shownId != e.imageId()) {
                shownId = e.imageId();
                thumb.setImage(null);
                long id = e.imageId();
                vm.queue().thumbnail(id, img -> {
                    if (shownId == id) {
                        thumb.setImage(SwingFXUtils.toFXImage(img, null));
                    }
                });
            }
            setGraphic(box);
        }
    }
}
