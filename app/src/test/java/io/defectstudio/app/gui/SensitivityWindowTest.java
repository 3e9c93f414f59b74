package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.predictions.Prediction;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/**
 * The sensitivity slider on the real window, with the shipped model on the demo project: it re-cuts the stored
 * predictions of the active class without running the network again, and what is accepted is what is shown.
 */
class SensitivityWindowTest extends WorkstationFixture {

    @Test
    void theSliderReCutsThePredictionOnScreenAndTheQueueFromStoredMaps() throws Exception {
        startWorkstation(data);
        QueueEntry target = showFirstPrediction();
        // The whole queue predicted first, so that the count of predictions says whether the network ran again.
        waitFor(120, () -> vm().segmentation().totalProperty().get() > 0
                && vm().segmentation().doneProperty().get() == vm().segmentation().totalProperty().get());
        long classId = fx(() -> vm().classes().activeProperty().get().id());
        Prediction stored = latestPrediction(target.imageId(), classId);
        assertTrue(stored.hasProbability(), "the prediction was stored with its probability map");
        long modelPixels = shownPixels();
        assertTrue(modelPixels > 0);
        assertEquals("50 %", valueLabel());
        long predictionsBefore = predictionCount(classId);

        // Dragging the thumb to the right end paints more, live.
        Node thumb = lookup("#sensitivity .thumb").query();
        Slider slider = lookup("#sensitivity").queryAs(Slider.class);
        Bounds track = fx(() -> slider.localToScreen(slider.getBoundsInLocal()));
        drag(thumb, MouseButton.PRIMARY).moveTo(new Point2D(track.getMaxX() + 40, track.getCenterY()))
                .release(MouseButton.PRIMARY);
        waitFor(20, () -> vm().sensitivity().threshold() <= 0.06 && shownPixels() > modelPixels);
        assertEquals("95 %", valueLabel());

        // The comma key, many times: least sensitive; the prediction paints less than the model's.
        focusCanvas();
        type(KeyCode.COMMA, 30);
        waitFor(20, () -> vm().sensitivity().threshold() >= 0.94 && shownPixels() < modelPixels);
        waitFor(20, () -> queueStatuses(ImageStatus.PREDICTED_CLEAN) > 0);

        // Back to the model's own threshold: exactly the model's mask again.
        clickOn("#sensitivity-reset");
        waitFor(20, () -> shownPixels() == modelPixels);
        assertEquals("50 %", valueLabel());
        assertEquals(predictionsBefore, predictionCount(classId), "no prediction was made again");

        // Accepting at another sensitivity stores the mask on screen.
        focusCanvas();
        type(KeyCode.PERIOD, 2);
        waitFor(20, () -> Math.abs(vm().sensitivity().threshold() - 0.4) < 1e-9 && shownPixels() > modelPixels);
        long accepted = shownPixels();
        long saved = fx(() -> vm().session().savedVersionsProperty().get());
        type(KeyCode.A);
        waitFor(20, () -> vm().session().savedVersionsProperty().get() > saved);
        assertEquals(accepted, acceptedPixels(target.imageId(), classId));
    }

    private long shownPixels() {
        return fx(() -> vm().canvas().mask().get().countSet());
    }

    private String valueLabel() {
        return fx(() -> lookup("#sensitivity-value").queryAs(Label.class).getText());
    }

    private long queueStatuses(ImageStatus status) {
        return fx(() -> vm().queue().entries().stream().filter(e -> e.status() == status).count());
    }

    private Prediction latestPrediction(long imageId, long classId) {
        try (Project p = Project.open(projectFolder())) {
            return p.predictions().latest(imageId, classId).orElseThrow();
        }
    }

    private long predictionCount(long classId) {
        try (Project p = Project.open(projectFolder())) {
            return p.predictions().latestAll().stream().filter(x -> x.classId() == classId)
                    .mapToLong(x -> p.predictions().history(x.imageId(), classId).size()).sum();
        }
    }

    private long acceptedPixels(long imageId, long classId) {
        try (Project p = Project.open(projectFolder())) {
            Annotation a = p.annotations().latest(imageId, classId).orElseThrow();
            return PaintingWindowTest.count(p.annotations().readMask(a.id()));
        }
    }

    private Path projectFolder() {
        return fx(() -> vm().projectFolder().orElseThrow());
    }
}
