package io.defectstudio.app.datasets;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window a dataset import or export runs in: progress, the current step, Cancel, then what was skipped and why. */
public final class DatasetJobWindow {
    private DatasetJobWindow() {
    }

    /** Shows {@code job} in its own window (Escape cancels a running job, or closes a finished one). */
    public static Stage show(Window owner, String title, DatasetJob job) {
        ProgressBar bar = new ProgressBar();
        bar.setId("dataset-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        // The list takes the room that is left; the bar and the message keep theirs (the list's preferred height
        // would otherwise squeeze the bar to nothing).
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(job.progressProperty());
        Label message = new Label();
        message.setId("dataset-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(job.messageProperty());
        ListView<String> skipped = new ListView<>(job.skipped());
        skipped.setId("dataset-skipped");
        skipped.setPlaceholder(new Label("Nothing skipped"));
        skipped.setPrefHeight(200);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        Stage stage = new Stage();
        Button cancel = new Button("Cancel");
        cancel.setId("dataset-cancel");
        cancel.disableProperty().bind(job.runningProperty().not());
        cancel.setOnAction(e -> job.cancel());
        Button close = new Button("Close");
        close.setId("dataset-close");
        close.disableProperty().bind(job.runningProperty());
        close.setOnAction(e -> stage.close());
        VBox box = new VBox(8, bar, message, new Label("Entries not taken, and why"), skipped, new HBox(8, cancel,
                close));
        box.setPadding(new Insets(10));
        Scene scene = new Scene(box, 640, 420);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (job.runningProperty().get()) {
                    job.cancel();
                } else {
                    stage.close();
                }
            }
        });
        stage.setOnCloseRequest(e -> {
            // Closing the window of a running job would hide it, not stop it: cancel it instead.
            if (job.runningProperty().get()) {
                job.cancel();
                e.consume();
            }
        });
        stage.initOwner(owner);
        stage.setTitle(title + " - Defect Studio");
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
