package io.defectstudio.app.trainingui;

import static io.defectstudio.app.gui.WorkstationFixture.fx;
import static io.defectstudio.app.gui.WorkstationFixture.shownText;
import static io.defectstudio.app.gui.WorkstationFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.gui.TestDialogs;
import io.defectstudio.app.models.TrainingProjects;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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

    /** Seen under Xvfb: "Archi...", "Back...", "Step..." once the backbone list held the pair's long name. */
    @Test
    void theFormsLabelsAreDrawnWhole() throws Exception {
        openWindow(TrainingProjects.create(temp, 1));
        fx(() -> {
            window.viewModel().backboneProperty().set("mobilenet_v2_mid+inception_v3");
            window.show(null);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> labels = fx(() -> lookup("#training-form").lookup((Node n) -> n instanceof Labeled)
                .queryAllAs(Labeled.class).stream().filter(l -> l.getText() != null && !l.getText().isEmpty())
                .toList());
        assertTrue(labels.size() >= 9, "form labels, buttons and choices: " + labels.size());
        for (Labeled label : labels) {
            assertEquals(fx(label::getText), fx(() -> shownText(label)), "cut off");
        }
    }

    @Test
    void startShowsProgressAndLiveChartsAndRegistersAVersion() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        openWindow(folder);
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

    private void openWindow(Path folder) throws Exception {
        tasks = new FxTaskExecutor();
        FxToolkit.registerPrimaryStage();
        AtomicReference<TrainingWindow> ready = new AtomicReference<>();
        FxToolkit.setupFixture(() -> TrainingWindow.open(folder, ProjectOptions.defaults(), tasks, dialogs,
                Optional::empty, ready::set));
        waitFor(20, () -> ready.get() != null);
        window = ready.get();
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart(String id) {
        return (LineChart<Number, Number>) lookup(id).query();
    }
}
