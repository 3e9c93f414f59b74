package io.defectstudio.app.models;

import static io.defectstudio.app.gui.WorkstationFixture.fx;
import static io.defectstudio.app.gui.WorkstationFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.engine.ShippedModel;
import io.defectstudio.app.gui.TestDialogs;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The versions window lists the shipped model and asks before it activates a version that learned nothing. */
class ModelVersionsWindowTest extends FxRobot {
    @TempDir
    Path temp;
    private FxTaskExecutor tasks;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void activatingANotRecommendedVersionAsksFirst() throws Exception {
        TestDialogs dialogs = new TestDialogs();
        tasks = new FxTaskExecutor();
        AtomicInteger changes = new AtomicInteger();
        try (Project p = Project.create(temp.resolve("p"), "models")) {
            ModelRecord zero = p.models().register("run-zero", temp.resolve("none"), "baseline",
                    "{\"validation_mIoU\":0.0}");
            ModelVersionsViewModel vm = new ModelVersionsViewModel(p, tasks, (bundle, episodes) -> {
                throw new AssertionError("not compared here");
            }, List::of, Optional::empty, changes::incrementAndGet);
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(ModelVersionsWindow.view(vm, dialogs), 1060, 480));
                stage.show();
            });
            fx(() -> {
                vm.load();
                return null;
            });
            @SuppressWarnings("unchecked")
            TableView<ModelVersion> table = lookup("#models-table").queryAs(TableView.class);
            waitFor(10, () -> table.getItems().size() == 2);
            assertEquals(ModelVersionsViewModel.SHIPPED_NAME, fx(() -> table.getItems().get(0).name()));
            assertTrue(fx(() -> table.getItems().get(1).advice()).startsWith("not recommended"));

            fx(() -> {
                table.getSelectionModel().clearAndSelect(1);
                return null;
            });
            clickOn("#models-activate");
            waitFor(5, () -> dialogs.questions().size() == 1);
            assertTrue(dialogs.questions().get(0).contains("run-zero"), dialogs.questions().get(0));
            assertTrue(p.models().active().isEmpty(), "cancelled: nothing activated");

            dialogs.confirmations().add(true);
            clickOn("#models-activate");
            waitFor(10, () -> p.models().active().map(m -> m.id() == zero.id()).orElse(false));
            waitFor(5, () -> changes.get() == 1);

            dialogs.folders().add(ShippedModel.extract(temp.resolve("built")).orElseThrow());
            clickOn("#models-add");
            waitFor(30, () -> table.getItems().size() == 3);
            assertEquals("defect8i-matcher-mobilenet_v2_mid", fx(() -> table.getItems().get(2).name()));
            assertEquals(2, p.models().list().size());
        }
    }
}
