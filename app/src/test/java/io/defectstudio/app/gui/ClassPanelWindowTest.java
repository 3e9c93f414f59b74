package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.classes.DefectClass;
import javafx.event.ActionEvent;
import javafx.scene.control.ColorPicker;
import javafx.scene.paint.Color;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Creating, renaming and recolouring a defect class from the class panel reaches the project database. */
class ClassPanelWindowTest extends WorkstationFixture {
    @Test
    void createRenameAndRecolourAClass() throws Exception {
        startWorkstation(data, TestModels.none());
        dialogs.texts.add("Scratch");
        clickOn("#class-new");
        waitFor(10, () -> vm().classes().activeProperty().get() != null
                && vm().classes().activeProperty().get().name().equals("Scratch"));
        dialogs.texts.add("Deep scratch");
        clickOn("#class-rename");
        waitFor(10, () -> vm().classes().activeProperty().get().name().equals("Deep scratch"));
        ColorPicker picker = lookup("#class-colour").queryAs(ColorPicker.class);
        interact(() -> {
            picker.setValue(Color.web("#123456"));
            picker.fireEvent(new ActionEvent());
        });
        waitFor(10, () -> vm().classes().activeProperty().get().colourHex().equalsIgnoreCase("#123456"));
        assertTrue(fx(() -> vm().classes().classes().stream().anyMatch(c -> c.name().equals("Deep scratch"))));
        stopWorkstation();
        try (Project p = Project.open(data.resolve("demo"))) {
            DefectClass c = p.classes().findByName("Deep scratch").orElseThrow();
            assertEquals("#123456", c.colourHex().toUpperCase());
        }
        startWorkstation(data, TestModels.none());
    }

    @Test
    void numberKeysPickTheClassBeingLabelled() throws Exception {
        startWorkstation(data, TestModels.none());
        focusCanvas();
        type(KeyCode.DIGIT3);
        waitFor(5, () -> vm().classes().activeProperty().get().equals(vm().classes().classes().get(2)));
        type(KeyCode.DIGIT9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fx(() -> vm().classes().classes().get(2)), fx(() -> vm().classes().activeProperty().get()),
                "the demo has five classes: 9 picks nothing");
        type(KeyCode.DIGIT1);
        waitFor(5, () -> vm().classes().activeProperty().get().equals(vm().classes().classes().get(0)));
    }
}
