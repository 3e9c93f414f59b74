package io.defectstudio.app.gui;

import io.defectstudio.app.workspace.WorkspaceViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Project, model, device, segmentation progress and the last message. */
final class StatusBar extends HBox {
    StatusBar(WorkspaceViewModel vm) {
        super(10);
        setId("status-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        Label project = new Label();
        project.textProperty().bind(Bindings.concat("Project: ", vm.projectNameProperty()));
        Label model = new Label();
        model.setId("status-model");
        model.textProperty().bind(Bindings.concat("Model: ", vm.modelNameProperty()));
        Label device = new Label();
        device.setId("status-device");
        device.textProperty().bind(Bindings.concat("Device: ", vm.deviceNameProperty()));
        ProgressBar segment = new ProgressBar();
        segment.setId("segment-progress");
        segment.progressProperty().bind(vm.segmentProgressProperty());
        segment.setPrefWidth(140);
        Label segmentText = new Label();
        segmentText.setId("segment-count");
        segmentText.textProperty().bind(Bindings.format("Segmented %d / %d", vm.segmentDoneProperty(),
                vm.segmentTotalProperty()));
        ProgressBar importing = new ProgressBar();
        importing.setId("import-progress");
        importing.progressProperty().bind(vm.importProgressProperty());
        importing.visibleProperty().bind(vm.importProgressProperty().greaterThanOrEqualTo(0));
        importing.managedProperty().bind(importing.visibleProperty());
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(project, new Separator(javafx.geometry.Orientation.VERTICAL), model, device,
                new Separator(javafx.geometry.Orientation.VERTICAL), segment, segmentText, importing, spring, message);
    }
}
