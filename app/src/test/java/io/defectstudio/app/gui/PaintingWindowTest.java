package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** Paints on the real window and checks what lands in the project database. */
class PaintingWindowTest extends WorkstationFixture {
    @Test
    void aBrushStrokeLandsInTheDatabaseAndUndoingItLeavesTheImageAPredictionAgain() throws Exception {
        startWorkstation(data);
        // Undo must return to exactly what was shown before the stroke.
        QueueEntry target = showFirstPrediction();
        long classId = fx(() -> vm().classes().activeProperty().get().id());
        int w = fx(() -> vm().canvas().imageProperty().get().width());
        int h = fx(() -> vm().canvas().imageProperty().get().height());
        long before = fx(() -> vm().session().savedVersionsProperty().get());
        long shown = fx(() -> vm().canvas().mask().get().countSet());

        Point2D from = screenOf(w * 0.3, h * 0.5);
        Point2D to = screenOf(w * 0.7, h * 0.5);
        focusCanvas();
        type(KeyCode.B);
        drag(from, MouseButton.PRIMARY).moveTo(screenOf(w * 0.5, h * 0.5)).moveTo(to).release(MouseButton.PRIMARY);
        waitFor(20, () -> vm().session().savedVersionsProperty().get() >= before + 1);

        BufferedImage saved = latestMask(target.imageId(), classId);
        assertEquals(255, saved.getRaster().getSample((int) (w * 0.5), (int) (h * 0.5), 0), "stroke centre");
        assertEquals(0, saved.getRaster().getSample((int) (w * 0.5), (int) (h * 0.1), 0), "far from the stroke");
        long painted = count(saved);
        assertTrue(painted > 50, "painted pixels " + painted);

        assertEquals(ImageStatus.CORRECTED, current().status());

        push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(20, () -> vm().session().savedVersionsProperty().get() >= before + 2);
        assertEquals(shown, fx(() -> vm().canvas().mask().get().countSet()), "undo shows what was there before");
        assertFalse(fx(() -> vm().canvas().mask().get().isSet((int) (w * 0.5), (int) (h * 0.5))));
        assertEquals(ImageStatus.PREDICTED, current().status(), "still a prediction, not corrected");
        assertTrue(storedMask(target.imageId(), classId).isEmpty(), "no human-checked mask is left in the database");

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitFor(20, () -> vm().session().savedVersionsProperty().get() >= before + 3);
        assertEquals(painted, count(latestMask(target.imageId(), classId)), "redo brings the stroke back");
        assertEquals(ImageStatus.CORRECTED, current().status());
    }

    @Test
    void rMarksAPredictionNoDefectInOneKey() throws Exception {
        startWorkstation(data);
        QueueEntry target = showFirstPrediction();
        long classId = fx(() -> vm().classes().activeProperty().get().id());
        long before = fx(() -> vm().session().savedVersionsProperty().get());
        focusCanvas();
        type(KeyCode.R);
        waitFor(20, () -> vm().session().savedVersionsProperty().get() >= before + 1);
        assertEquals(0, count(latestMask(target.imageId(), classId)), "stored as defect-free");
        QueueEntry after = fx(() -> vm().queue().entries().stream().filter(e -> e.imageId() == target.imageId())
                .findFirst().orElseThrow());
        assertTrue(after.status().isSettled(), "settled: " + after.status());
    }

    @Test
    void helpOverlayListsTheShortcutsAndF1TogglesIt() throws Exception {
        startWorkstation(data);
        focusCanvas();
        assertFalse(fx(() -> workstation.window().isHelpShown()));
        type(KeyCode.F1);
        waitFor(5, () -> workstation.window().isHelpShown());
        assertTrue(lookup("Accept the mask on screen").tryQuery().isPresent());
        assertTrue(lookup("A / Enter").tryQuery().isPresent());
        type(KeyCode.F1);
        waitFor(5, () -> !workstation.window().isHelpShown());
    }

    @Test
    void bracketKeysResizeTheBrushAndHHidesTheOverlay() throws Exception {
        startWorkstation(data);
        focusCanvas();
        double r0 = fx(() -> vm().canvas().brushRadiusProperty().get());
        type(KeyCode.CLOSE_BRACKET);
        type(KeyCode.CLOSE_BRACKET);
        waitFor(5, () -> vm().canvas().brushRadiusProperty().get() > r0);
        type(KeyCode.OPEN_BRACKET, 5);
        waitFor(5, () -> vm().canvas().brushRadiusProperty().get() < r0);
        assertTrue(fx(() -> vm().canvas().overlayVisibleProperty().get()));
        type(KeyCode.H);
        waitFor(5, () -> !vm().canvas().overlayVisibleProperty().get());
    }

    private java.util.Optional<Annotation> storedMask(long imageId, long classId) {
        try (Project p = Project.open(workstationProject())) {
            return p.annotations().latest(imageId, classId);
        }
    }

    private BufferedImage latestMask(long imageId, long classId) {
        try (Project p = Project.open(workstationProject())) {
            Annotation a = p.annotations().latest(imageId, classId).orElseThrow();
            return p.annotations().readMask(a.id());
        }
    }

    private Path workstationProject() {
        return fx(() -> vm().projectFolder().orElseThrow());
    }

    static long count(BufferedImage mask) {
        long n = 0;
        var r = mask.getRaster();
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if (r.getSample(x, y, 0) >= 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
