package io.defectstudio.app.gui.tour;

import io.defectstudio.app.canvas.CanvasView;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** Sends the canvas the same mouse events a hand-drawn stroke produces. Call on the FX thread. */
public final class StrokeDriver {
    private final CanvasView canvas;

    public StrokeDriver(CanvasView canvas) {
        this.canvas = canvas;
    }

    public void press(double imageX, double imageY) {
        fire(MouseEvent.MOUSE_PRESSED, imageX, imageY, true);
    }

    public void drag(double imageX, double imageY) {
        fire(MouseEvent.MOUSE_DRAGGED, imageX, imageY, true);
    }

    public void release(double imageX, double imageY) {
        fire(MouseEvent.MOUSE_RELEASED, imageX, imageY, false);
    }

    private void fire(javafx.event.EventType<MouseEvent> type, double ix, double iy, boolean down) {
        Point2D local = canvas.imageToLocal(ix, iy);
        Point2D scene = canvas.localToScene(local);
        Point2D screen = canvas.localToScreen(local);
        MouseEvent e = new MouseEvent(type, scene.getX(), scene.getY(), screen == null ? 0 : screen.getX(),
                screen == null ? 0 : screen.getY(), MouseButton.PRIMARY, 1, false, false, false, false, down, false,
                false, true, false, true, null);
        Event.fireEvent(canvas, e);
    }
}
