package io.defectstudio.app.trainingui;

import static io.defectstudio.app.gui.WorkstationFixture.fx;
import static io.defectstudio.app.gui.WorkstationFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.gui.TestDialogs;
import io.defectstudio.app.models.TrainingProjects;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The real training dialog: Start runs a short real training whose progress and charts fill in the window. */
class TrainingWindowTest extends FxRobot {
    @TempDir
    Path temp;

    private final TestDialogs dialogs = new TestDialogs();
    private FxTaskExecutor tasks;
    private TrainingWindow window;

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            FxToolkit.setupFixture(window::close);
        }
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void startShowsProgressAndLiveChartsAndRegistersAVersion() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        tasks = new FxTaskExecutor();
        FxToolkit.registerPrimaryStage();
        AtomicReference<TrainingWindow> ready = new AtomicReference<>();
        FxToolkit.setupFixture(() -> TrainingWindow.open(folder, ProjectOptions.defaults(), tasks, dialogs,
                Optional::empty, ready::set));
        waitFor(20, () -> ready.get() != null);
        window = ready.get();
        fx(() -> {
            TrainingViewModel vm = window.viewModel();
            vm.architectureProperty().set("baseline");
            vm.backboneProperty().set("compact");
            vm.inputSizeProperty().set(32);
            vm.fromActiveModelProperty().set(false);
            vm.epochsProperty().set(2);
            vm.stepsPerEpochProperty().set(2);
            window.show(null);
            return null;
        });
        waitFor(10, () -> window.viewModel().classes().size() == 2);

        clickOn("#training-start");
        waitFor(120, () -> lookup("#training-message").queryAs(Label.class).getText().startsWith("Finished"));

        assertEquals(1.0, fx(() -> lookup("#training-progress").queryAs(ProgressBar.class).getProgress()));
        assertEquals(4, fx(() -> chart("#training-loss-chart").getData().get(0).getData().size()));
        assertEquals(2, fx(() -> chart("#training-iou-chart").getData().get(0).getData().size()));
        assertTrue(dialogs.errors().isEmpty(), dialogs.errors().toString());
        try (Project p = Project.open(folder)) {
            assertEquals(1, p.models().list().size());
        }
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart(String id) {
        return (LineChart<Number, Number>) lookup(id).query();
    }
}
