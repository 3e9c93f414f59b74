package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;

/** The window at its default 1280x800: what the inspector needs is on screen, not cut off or hidden in overflow. */
class LayoutWindowTest extends WorkstationFixture {
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

    @Test
    void everyDisplaySliderFitsOnTheToolbar() throws Exception {
        startWorkstation(data, (project, detail, problem) -> Optional.empty());
        for (String id : new String[] {"#opacity", "#brightness", "#contrast"}) {
            Slider slider = lookup(id).queryAs(Slider.class);
            // A toolbar moves what does not fit into its overflow menu: the slider is then out of the scene graph.
            assertTrue(fx(() -> slider.getScene() != null && slider.isVisible()), id + " is in the overflow menu");
            Bounds inScene = fx(() -> slider.localToScene(slider.getBoundsInLocal()));
            assertTrue(inScene.getMaxX() <= fx(() -> slider.getScene().getWidth()) + 1, id + " cut off: " + inScene);
        }
    }

    /** The class panel's sensitivity row shows its words whole: a cut label reads "Sensiti..." (seen under Xvfb). */
    @Test
    void theSensitivityRowIsNotCutOff() throws Exception {
        startWorkstation(data, (project, detail, problem) -> Optional.empty());
        for (String id : new String[] {"#sensitivity-value", "#sensitivity-reset"}) {
            Labeled labeled = lookup(id).queryAs(Labeled.class);
            assertEquals(fx(labeled::getText), fx(() -> shownText(labeled)), id + " is cut off");
        }
        Labeled title = lookup("Sensitivity").queryAs(Labeled.class);
        assertEquals("Sensitivity", fx(() -> shownText(title)));
        Slider slider = lookup("#sensitivity").queryAs(Slider.class);
        assertTrue(fx(() -> slider.getWidth()) >= 150, "the slider has room: " + fx(() -> slider.getWidth()));
    }

    /** Queue names are drawn whole at the default size, and a name too long for the panel keeps its ending. */
    @Test
    void queueNamesAreNotCutOff() throws Exception {
        startWorkstation(data, (project, detail, problem) -> Optional.empty());
        java.util.List<Labeled> names = fx(() -> lookup("#queue-list").lookup(".label").queryAllAs(Labeled.class)
                .stream().filter(l -> l.getText() != null && l.getText().endsWith(".jpg")).toList());
        assertTrue(names.size() >= 5, "queue names on screen: " + names.size());
        for (Labeled name : names) {
            assertEquals(fx(name::getText), fx(() -> shownText(name)));
            assertEquals(fx(name::getText), fx(() -> name.getTooltip().getText()), "the full name is in the tooltip");
        }
    }
}
