package io.defectstudio.app.gui;

import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.workspace.ClassList;
import io.defectstudio.app.workspace.ProjectStore.ClassInfo;
import io.defectstudio.app.workspace.Sensitivity;
import io.defectstudio.storage.classes.ClassColours;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The defect classes of the project: pick the active one, create, rename and recolour. */
final class ClassPanel extends VBox {
    private final ListView<ClassInfo> list = new ListView<>();
    private final ColorPicker colour = new ColorPicker();

    private final DialogService dialogs;

    ClassPanel(ClassList classes, Sensitivity sensitivity, DialogService dialogs) {
        super(6);
        this.dialogs = dialogs;
        setPadding(new Insets(8));
        Label title = new Label("Defect classes");
        title.getStyleClass().add("panel-title");
        list.setId("class-list");
        list.setItems(classes.classes());
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ClassInfo c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(c.name());
                    setGraphic(new Rectangle(12, 12, Color.web(c.colourHex())));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                classes.activeProperty().set(c);
                colour.setValue(Color.web(c.colourHex()));
            }
        });
        classes.activeProperty().addListener((o, a, c) -> {
            if (c != null && list.getSelectionModel().getSelectedItem() != c) {
                list.getSelectionModel().select(c);
            }
        });

        Button add = new Button("New…");
        add.setId("class-new");
        add.setOnAction(e -> ask("New defect class", "Name:", "").ifPresent(name ->
                classes.create(name, ClassColours.next(
                        classes.classes().stream().map(ClassInfo::colourHex).toList()))));
        Button rename = new Button("Rename…");
        rename.setId("class-rename");
        rename.disableProperty().bind(classes.activeProperty().isNull());
        rename.setOnAction(e -> {
            ClassInfo c = classes.activeProperty().get();
            ask("Rename defect class", "Name:", c.name()).ifPresent(name -> classes.rename(c, name));
        });
        colour.setId("class-colour");
        colour.disableProperty().bind(classes.activeProperty().isNull());
        colour.setOnAction(e -> classes.recolour(classes.activeProperty().get(), toHex(colour.getValue())));
        colour.setMaxWidth(60);
        getChildren().addAll(title, list, new HBox(6, add, rename, colour), sensitivityRow(classes, sensitivity));
    }

    /**
     * The active class's sensitivity: the slider shows 1 - threshold, so that right paints more. Dragging re-cuts the
     * prediction on screen; letting go (or a key) sorts the queue again.
     */
    private static Node sensitivityRow(ClassList classes, Sensitivity sensitivity) {
        Slider slider = new Slider(1 - Sensitivity.MAX, 1 - Sensitivity.MIN, 1 - sensitivity.threshold());
        slider.setId("sensitivity");
        slider.setBlockIncrement(Sensitivity.STEP);
        slider.setTooltip(new Tooltip("Sensitivity of this class's predictions: right paints more, left less "
                + "(. and , keys). Re-cuts the stored predictions; the model does not run again."));
        boolean[] updating = {false};
        sensitivity.thresholdProperty().addListener((o, a, t) -> {
            if (!updating[0]) {
                updating[0] = true;
                slider.setValue(1 - t.doubleValue());
                updating[0] = false;
            }
        });
        slider.valueProperty().addListener((o, a, v) -> {
            if (!updating[0]) {
                updating[0] = true;
                sensitivity.thresholdProperty().set(1 - v.doubleValue());
                updating[0] = false;
                if (!slider.isValueChanging()) {
                    sensitivity.settle();
                }
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                sensitivity.settle();
            }
        });
        Label value = new Label();
        value.setId("sensitivity-value");
        value.textProperty().bind(Bindings.createStringBinding(() -> String.format("%.0f %%",
                100 * (1 - sensitivity.threshold())), sensitivity.thresholdProperty()));
        Button reset = new Button("Reset");
        reset.setId("sensitivity-reset");
        reset.setTooltip(new Tooltip("Back to the model's own threshold"));
        reset.setOnAction(e -> sensitivity.reset());
        Label title = new Label("Sensitivity");
        title.setMinWidth(Region.USE_PREF_SIZE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, value, gap, reset);
        head.setAlignment(Pos.CENTER_LEFT);
        slider.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2, head, slider);
        box.disableProperty().bind(classes.activeProperty().isNull().or(sensitivity.availableProperty().not()));
        return box;
    }

    private java.util.Optional<String> ask(String title, String prompt, String initial) {
        return dialogs.askText(title, prompt, initial);
    }

    static String toHex(Color c) {
        return String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
