package io.defectstudio.app.gui;

import io.defectstudio.app.canvas.MaskStyle;
import io.defectstudio.app.canvas.OverlayRenderer;
import io.defectstudio.app.paint.DirtyRect;
import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Project, model, device, segmentation progress and the mask legend on one line; the last message below. */
final class StatusBar extends VBox {
    /** A small sample of how a mask role is drawn, rendered by the same code as the overlay. */
    private static Label swatch(MaskStyle style, String text) {
        MaskLayer sample = new MaskLayer(16, 12);
        sample.fillPolygon(new double[] {0, 16, 16, 0}, new double[] {0, 0, 12, 12}, true);
        DirtyRect all = new DirtyRect(0, 0, 16, 12);
        byte[] bgra = new OverlayRenderer().render(sample, all, style, 0.8, null);
        WritableImage img = new WritableImage(16, 12);
        img.getPixelWriter().setPixels(0, 0, 16, 12, PixelFormat.getByteBgraPreInstance(), bgra, 0, 64);
        Label l = new Label(text, new ImageView(img));
        l.setStyle("-fx-font-size: 11px;");
        return l;
    }

    StatusBar(WorkspaceViewModel vm) {
        super(2);
        setId("status-bar");
        setPadding(new Insets(4, 8, 4, 8));
        Label project = new Label();
        project.textProperty().bind(Bindings.concat("Project: ", vm.session().projectNameProperty()));
        Label model = new Label();
        model.setId("status-model");
        model.textProperty().bind(Bindings.concat("Model: ", vm.session().modelNameProperty()));
        Label device = new Label();
        device.setId("status-device");
        device.textProperty().bind(Bindings.concat("Device: ", vm.session().deviceNameProperty()));
        ProgressBar segment = new ProgressBar();
        segment.setId("segment-progress");
        segment.progressProperty().bind(vm.segmentation().progressProperty());
        segment.setPrefWidth(140);
        Label segmentText = new Label();
        segmentText.setId("segment-count");
        segmentText.textProperty().bind(Bindings.format("Segmented %d / %d", vm.segmentation().doneProperty(),
                vm.segmentation().totalProperty()));
        ProgressBar importing = new ProgressBar();
        importing.setId("import-progress");
        importing.progressProperty().bind(vm.folderImport().progressProperty());
        importing.visibleProperty().bind(vm.folderImport().progressProperty().greaterThanOrEqualTo(0));
        importing.managedProperty().bind(importing.visibleProperty());
        Label shared = new Label();
        shared.setId("status-shared");
        shared.textProperty().bind(vm.shared().connectionProperty());
        shared.visibleProperty().bind(vm.shared().connectionProperty().isNotEmpty());
        shared.managedProperty().bind(shared.visibleProperty());
        shared.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.session().messageProperty());
        HBox legend = new HBox(6, swatch(MaskStyle.support(0xE74C3C), "Support"),
                swatch(MaskStyle.prediction(), "Prediction"), swatch(MaskStyle.accepted(), "Accepted"));
        legend.setId("mask-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        for (var n : java.util.List.of(project, device, segmentText, legend)) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        // At 1280 px the model's full name gives way first; its full text is in the tooltip.
        model.setMinWidth(160);
        Tooltip modelName = new Tooltip();
        modelName.textProperty().bind(model.textProperty());
        model.setTooltip(modelName);
        Tooltip fullMessage = new Tooltip();
        fullMessage.textProperty().bind(message.textProperty());
        message.setTooltip(fullMessage);
        message.setMaxWidth(Double.MAX_VALUE);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox facts = new HBox(10, project, shared, new Separator(Orientation.VERTICAL), model, device,
                new Separator(Orientation.VERTICAL), segment, segmentText, importing,
                new Separator(Orientation.VERTICAL), spring, legend);
        facts.setAlignment(Pos.CENTER_LEFT);
        // The last message (a save, a failure, another station's news) has a line of its own, so it is always read.
        getChildren().addAll(facts, message);
    }
}
