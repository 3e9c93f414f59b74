package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.defectstudio.app.queue.QueueEntry;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Ctrl+F finds an image by a piece of its name; Enter opens it; Escape gives the whole queue back. */
class QueueFindWindowTest extends WorkstationFixture {
    @Test
    void ctrlFFindsAnImageByNameAndEnterOpensIt() throws Exception {
        startWorkstation(data, TestModels.none());
        int all = fx(() -> vm().queue().visible().size());
        QueueEntry wanted = fx(() -> vm().queue().visible().get(all - 3));
        focusCanvas();
        press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        TextField find = lookup("#queue-find").queryAs(TextField.class);
        waitFor(5, () -> find.isFocused());
        write(wanted.name().substring(0, wanted.name().lastIndexOf('.')));
        waitFor(5, () -> vm().queue().visible().size() == 1);
        type(KeyCode.ENTER);
        waitFor(10, () -> current().imageId() == wanted.imageId());
        type(KeyCode.ESCAPE);
        waitFor(5, () -> vm().queue().visible().size() == all && find.getText().isEmpty());
        assertEquals(wanted.imageId(), current().imageId(), "the found image stays on screen");
    }
}
