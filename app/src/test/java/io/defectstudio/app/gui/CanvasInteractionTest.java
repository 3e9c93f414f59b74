package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.canvas.Tool;
import io.defectstudio.app.queue.QueueEntry;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** Zoom, pan and polygon fill through the real canvas. */
class CanvasInteractionTest extends WorkstationFixture {
    @Test
    void wheelZoomsMiddleDragPansAndOneToOneResets() throws Exception {
        startWorkstation(data, TestModels.none());
        int w = fx(() -> vm().canvas().imageProperty().get().width());
        int h = fx(() -> vm().canvas().imageProperty().get().height());
        double s0 = fx(() -> canvas().viewport().scale());
        maskBefore = fx(() -> vm().canvas().mask().get().countSet());
        // Monocle's headless robot has no wheel, so the wheel event goes to the canvas as the scene would send it
        Point2D c = fx(() -> canvas().localToScene(canvas().imageToLocal(w / 2.0, h / 2.0)));
        for (int i = 0; i < 3; i++) {
            interact(() -> javafx.event.Event.fireEvent(canvas(), new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, c.getX(), c.getY(), 0, 0, false, false, false, false,
                    false, false, 0, 40, 0, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        }
        waitFor(5, () -> canvas().viewport().scale() > s0 * 1.2);
        Point2D stays = fx(() -> canvas().localToScene(canvas().imageToLocal(w / 2.0, h / 2.0)));
        assertEquals(c.getX(), stays.getX(), 0.5, "the point under the cursor stays put");

        double tx = fx(() -> canvas().viewport().translateX());
        Point2D p = screenOf(w / 2.0, h / 2.0);
        drag(p, MouseButton.MIDDLE).moveBy(60, 0).release(MouseButton.MIDDLE);
        waitFor(5, () -> Math.abs(canvas().viewport().translateX() - tx - 60) < 2);
        assertEquals(0, fx(() -> vm().canvas().mask().get().countSet()) - maskBefore, "panning does not paint");

        focusCanvas();
        press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(5, () -> Math.abs(canvas().viewport().scale() - 1) < 1e-9);
    }

    private long maskBefore;

    @Test
    void polygonToolFillsTheClickedShape() throws Exception {
        startWorkstation(data, TestModels.none());
        QueueEntry target = fx(() -> vm().queue().visible().stream().filter(e -> !e.status().isSettled()).findFirst()
                .orElseThrow());
        fx(() -> {
            vm().editor().select(target);
            return null;
        });
        waitFor(20, () -> shows(target));
        int w = fx(() -> vm().canvas().imageProperty().get().width());
        int h = fx(() -> vm().canvas().imageProperty().get().height());
        focusCanvas();
        type(KeyCode.L);
        waitFor(5, () -> vm().canvas().toolProperty().get() == Tool.POLYGON);
        long before = fx(() -> vm().session().savedVersionsProperty().get());
        clickOn(screenOf(w * 0.2, h * 0.2));
        clickOn(screenOf(w * 0.6, h * 0.2));
        clickOn(screenOf(w * 0.6, h * 0.6));
        doubleClickOn(screenOf(w * 0.2, h * 0.6));
        waitFor(10, () -> vm().session().savedVersionsProperty().get() > before);
        assertTrue(fx(() -> vm().canvas().mask().get().isSet((int) (w * 0.4), (int) (h * 0.4))), "inside filled");
        assertTrue(!fx(() -> vm().canvas().mask().get().isSet((int) (w * 0.8), (int) (h * 0.8))), "outside empty");
    }

    private void doubleClickOn(Point2D p) {
        moveTo(p);
        doubleClickOn(MouseButton.PRIMARY);
    }
}
