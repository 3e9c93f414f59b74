package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.settings.AppSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision > Segmentation detail: the working scale is remembered and the engine reopens at it. */
class DetailWindowTest extends WorkstationFixture {
    @TempDir
    Path models;

    @Test
    void aChosenDetailReopensTheEngineAtItAndABadOneIsRefused() throws Exception {
        startWorkstation(data, TestModels.factory(TestModels.bundle(models)));
        assertTrue(fx(() -> vm().session().modelNameProperty().get()).contains("detail "),
                "the status bar names the detail");

        dialogs.texts.add("lots");
        fx(() -> {
            workstation.chooseDetail();
            return null;
        });
        waitFor(10, () -> fx(() -> !dialogs.errors().isEmpty()));
        assertTrue(dialogs.errors().stream().anyMatch(e -> e.contains("Not a working scale: 'lots'")),
                dialogs.errors().toString());
        assertEquals(0, new AppSettings(data).detail());

        dialogs.texts.add("400");
        fx(() -> {
            workstation.chooseDetail();
            return null;
        });
        waitFor(60, () -> fx(() -> vm().session().modelNameProperty().get()).contains("detail 400"));
        assertEquals(400, new AppSettings(data).detail(), "remembered for the next start");
    }

    @Test
    void yourNameIsRememberedAndRecordedWithEveryMask() throws Exception {
        startWorkstation(data, TestModels.none());
        dialogs.texts.add("Ana Lopez");
        fx(() -> {
            workstation.chooseName();
            return null;
        });
        waitFor(30, () -> "Ana Lopez".equals(new AppSettings(data).person()));
        waitFor(30, () -> fx(() -> vm().canvas().mask().isPresent() && !vm().queue().visible().isEmpty()));
        var target = fx(() -> vm().queue().visible().stream().filter(e -> !e.status().isSettled()).findFirst()
                .orElseThrow());
        long classId = fx(() -> vm().classes().activeProperty().get().id());
        fx(() -> {
            vm().editor().select(target);
            return null;
        });
        waitFor(20, () -> fx(() -> vm().queue().currentProperty().get().imageId() == target.imageId()
                && vm().canvas().mask().isPresent()));
        long before = fx(() -> vm().session().savedVersionsProperty().get());
        fx(() -> {
            vm().decisions().markNoDefect();
            return null;
        });
        waitFor(20, () -> fx(() -> vm().session().savedVersionsProperty().get()) > before);
        try (io.defectstudio.storage.Project p = io.defectstudio.storage.Project.open(
                fx(() -> vm().projectFolder().orElseThrow()))) {
            assertEquals("Ana Lopez", io.defectstudio.app.workspace.StorageProjectStore.person(
                    p.annotations().latest(target.imageId(), classId).orElseThrow().author()));
        }
        fx(() -> {
            workstation.openReview();
            return null;
        });
        waitFor(30, () -> fx(() -> workstation.reviewStage().isPresent()
                && lookup("#review-supervisor").tryQuery().isPresent()));
        assertEquals("Ana Lopez", fx(() -> lookup("#review-supervisor")
                .queryAs(javafx.scene.control.TextField.class).getText()), "the review starts with your name");
    }
}
