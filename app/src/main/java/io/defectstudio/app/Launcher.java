package io.defectstudio.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Plain entry point: a main class extending Application fails with JavaFX on the class path. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(MinimalApp.class, args);
    }

    public static final class MinimalApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Defect Studio"), 400, 200));
            stage.setTitle("Defect Studio");
            stage.show();
        }
    }
}
