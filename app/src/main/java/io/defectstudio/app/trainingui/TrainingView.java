package io.defectstudio.app.trainingui;

import io.defectstudio.app.dialog.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The training dialog: settings on the left, progress with ETA and the live loss and validation-mIoU charts. */
public final class TrainingView extends BorderPane {
    public TrainingView(TrainingViewModel vm, DialogService dialogs) {
        setId("training-view");
        setLeft(settings(vm, dialogs));
        setCenter(progress(vm));
        Label message = new Label();
        message.setId("training-message");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 4, 8));
        setBottom(message);
    }

    private static VBox settings(TrainingViewModel vm, DialogService dialogs) {
        ListView<String> classes = new ListView<>(vm.classes());
        classes.setId("training-classes");
        classes.setPrefHeight(140);
        classes.setCellFactory(CheckBoxListCell.forListView(name -> {
            SimpleBooleanProperty on = new SimpleBooleanProperty(vm.chosenClasses().contains(name));
            on.addListener((o, a, b) -> {
                if (b && !vm.chosenClasses().contains(name)) {
                    vm.chosenClasses().add(name);
                } else if (!b) {
                    vm.chosenClasses().remove(name);
                }
            });
            return on;
        }, new StringConverter<>() {
            @Override
            public String toString(String name) {
                int n = vm.masksOf(name);
                return n < 0 ? name : name + " (" + n + " masks)";
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        }));
        Label readiness = new Label();
        readiness.setId("training-readiness");
        readiness.setWrapText(true);
        readiness.textProperty().bind(vm.readinessProperty());
        ComboBox<String> arch = new ComboBox<>();
        arch.getItems().setAll(TrainingViewModel.ARCHITECTURES);
        arch.valueProperty().bindBidirectional(vm.architectureProperty());
        ComboBox<String> backbone = new ComboBox<>();
        backbone.getItems().setAll(TrainingViewModel.backbones());
        backbone.valueProperty().bindBidirectional(vm.backboneProperty());
        Spinner<Integer> shots = spinner(1, 5, vm.shotsProperty().get());
        shots.valueProperty().addListener((o, a, b) -> vm.shotsProperty().set(b));
        Spinner<Integer> epochs = spinner(1, 500, vm.epochsProperty().get());
        epochs.setId("training-epochs");
        epochs.valueProperty().addListener((o, a, b) -> vm.epochsProperty().set(b));
        Spinner<Integer> steps = spinner(1, 10_000, vm.stepsPerEpochProperty().get());
        steps.valueProperty().addListener((o, a, b) -> vm.stepsPerEpochProperty().set(b));
        ToggleGroup start = new ToggleGroup();
        RadioButton active = new RadioButton("From the active model");
        active.setTooltip(
                new Tooltip("Starts from its backbone weights (the shipped model's while no version is active)"));
        RadioButton scratch = new RadioButton("From scratch");
        active.setToggleGroup(start);
        scratch.setToggleGroup(start);
        active.setSelected(vm.fromActiveModelProperty().get());
        scratch.setSelected(!vm.fromActiveModelProperty().get());
        active.selectedProperty().addListener((o, a, b) -> vm.fromActiveModelProperty().set(b));
        Label bench = new Label();
        bench.textProperty().bind(Bindings.createStringBinding(() -> vm.benchmarkFolderProperty().get() == null
                ? "none" : vm.benchmarkFolderProperty().get().getFileName().toString(), vm.benchmarkFolderProperty()));
        Button chooseBench = new Button("Benchmark folder…");
        chooseBench.setOnAction(e -> vm.benchmarkFolderProperty().set(
                dialogs.chooseFolder("Benchmark folder (Defect-8i / Surface Defect-4i layout)").orElse(null)));
        Spinner<Integer> fold = spinner(0, 3, vm.benchmarkFoldProperty().get());
        fold.valueProperty().addListener((o, a, b) -> vm.benchmarkFoldProperty().set(b));

        GridPane form = new GridPane();
        form.setId("training-form");
        form.setHgap(8);
        form.setVgap(6);
        // Labels and choices keep their words (a backbone pair's name is long); the window gives the charts less.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        arch.setMaxWidth(Double.MAX_VALUE);
        backbone.setMaxWidth(Double.MAX_VALUE);
        backbone.setMinWidth(Region.USE_PREF_SIZE);
        int row = 0;
        form.addRow(row++, new Label("Architecture"), arch);
        form.addRow(row++, new Label("Backbone"), backbone);
        form.addRow(row++, new Label("Shots (K)"), shots);
        form.addRow(row++, new Label("Epochs"), epochs);
        form.addRow(row++, new Label("Steps per epoch"), steps);
        form.addRow(row++, new Label("Start"), new VBox(4, active, scratch));
        form.addRow(row++, chooseBench, bench);
        form.addRow(row, new Label("Benchmark fold"), fold);

        Button run = new Button("Start training");
        run.setId("training-start");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel run");
        cancel.setId("training-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        VBox box = new VBox(8, new Label("Classes (accepted and corrected masks)"), classes, readiness, form,
                new HBox(8, run, cancel));
        box.setPadding(new Insets(8));
        box.setPrefWidth(380);
        return box;
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(100);
        return s;
    }

    private static VBox progress(TrainingViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label eta = new Label();
        eta.setId("training-eta");
        eta.textProperty().bind(vm.etaProperty());
        LineChart<Number, Number> loss = chart("Training loss", "step", "loss");
        loss.setId("training-loss-chart");
        LineChart<Number, Number> iou = chart("Validation mIoU", "epoch", "mIoU");
        iou.setId("training-iou-chart");
        follow(vm.losses(), loss);
        follow(vm.validationIous(), iou);
        VBox box = new VBox(8, bar, eta, loss, iou);
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox.setVgrow(iou, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static LineChart<Number, Number> chart(String title, String x, String y) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(x);
        xAxis.setForceZeroInRange(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        LineChart<Number, Number> c = new LineChart<>(xAxis, yAxis);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(false);
        return c;
    }

    /** Mirrors a view-model series into a chart series. */
    private static void follow(ObservableList<ChartPoint> points, LineChart<Number, Number> chart) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        points.forEach(p -> series.getData().add(new XYChart.Data<>(p.x(), p.y())));
        points.addListener((ListChangeListener<ChartPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && !c.wasAdded()) {
                    series.getData().clear();
                }
                c.getAddedSubList().forEach(p -> series.getData().add(new XYChart.Data<>(p.x(), p.y())));
            }
        });
    }
}
