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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Project, model, device, segmentation progress and the last message. */
final class StatusBar extends HBox {
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
        super(10);
        setId("status-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
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
        for (var n : java.util.List.of(project, model, device, segmentText, legend)) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(project, shared, new Separator(javafx.geometry.Orientation.VERTICAL), model, device,
                new Separator(javafx.geometry.Orientation.VERTICAL), segment, segmentText, importing,
                new Separator(javafx.geometry.Orientation.VERTICAL), legend, spring, message);
    }
}
