package io.defectstudio.app.gui;

import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.app.workspace.EngineFactory;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one workstation window. Start it through {@code Launcher}. */
public final class DefectStudioApp extends Application {
    private Workstation workstation;

    @Override
    public void start(Stage stage) {
        workstation = new Workstation(AppSettings.fromEnvironment(), new FxTaskExecutor(), new FxDialogService(),
                engineFactory());
        workstation.start(stage);
    }

    static EngineFactory engineFactory() {
        return io.defectstudio.app.engine.Engines.production();
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.close();
        }
    }
}
