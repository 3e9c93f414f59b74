package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** At 1280x800 the last message has room to be read: before, the long model name squeezed it to nothing. */
class StatusBarWindowTest extends WorkstationFixture {
    @Test
    void theMessageKeepsALineOfItsOwnAt1280Pixels() throws Exception {
        startWorkstation(data, (project, detail, problem) -> Optional.empty());
        Label message = lookup("#status-message").queryAs(Label.class);
        Bounds inScene = fx(() -> message.localToScene(message.getBoundsInLocal()));
        double sceneWidth = fx(() -> message.getScene().getWidth());
        assertTrue(sceneWidth <= 1280, "scene " + sceneWidth);
        assertTrue(inScene.getWidth() > 0.8 * sceneWidth, "message width " + inScene.getWidth());
        assertTrue(inScene.getMaxX() <= sceneWidth + 1, "message inside the window: " + inScene);
        assertTrue(inScene.getMaxY() <= fx(() -> message.getScene().getHeight()) + 1, "message on screen");
    }
}
