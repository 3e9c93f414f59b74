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
        assertTrue(fx(() -> vm().modelNameProperty().get()).contains("detail "), "the status bar names the detail");

        dialogs.texts.add("lots");
        fx(() -> {
            workstation.chooseDetail();
            return null;
        });
        assertTrue(dialogs.errors().stream().anyMatch(e -> e.contains("Not a working scale: 'lots'")),
                dialogs.errors().toString());
        assertEquals(0, new AppSettings(data).detail());

        dialogs.texts.add("400");
        fx(() -> {
            workstation.chooseDetail();
            return null;
        });
        waitFor(60, () -> fx(() -> vm().modelNameProperty().get()).contains("detail 400"));
        assertEquals(400, new AppSettings(data).detail(), "remembered for the next start");
    }
}
