package io.defectstudio.app.gui;

import io.defectstudio.app.dialog.FxDialogService;
import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one workstation window. Start it through {@code Launcher}. */
public final class DefectStudioApp extends Application {
    private Workstation workstation;

    @Override
    public void start(Stage stage) {
        AppSettings settings = AppSettings.fromEnvironment();
        workstation = new Workstation(settings, new FxTaskExecutor(), new FxDialogService(),
                Engines.production(settings));
        workstation.start(stage);
    }


    @Override
    public void stop() {
        if (workstation != null) {
            workstation.close();
        }
    }
}
