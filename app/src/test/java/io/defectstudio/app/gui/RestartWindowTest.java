package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** An acceptance and a correction made in the window survive closing and reopening the app. */
class RestartWindowTest extends WorkstationFixture {
    @Test
    void acceptAndCorrectionPersistAcrossARestart() throws Exception {
        startWorkstation(data, TestModels.none());
        QueueEntry first = firstUnsettled();
        select(first);
        focusCanvas();
        type(KeyCode.A);
        waitFor(20, () -> status(first.imageId()) == ImageStatus.ACCEPTED);

        QueueEntry second = firstUnsettled();
        select(second);
        int w = fx(() -> vm().canvas().imageProperty().get().width());
        int h = fx(() -> vm().canvas().imageProperty().get().height());
        focusCanvas();
        type(KeyCode.B);
        drag(screenOf(w * 0.4, h * 0.4), MouseButton.PRIMARY).moveTo(screenOf(w * 0.6, h * 0.6))
                .release(MouseButton.PRIMARY);
        waitFor(20, () -> status(second.imageId()) == ImageStatus.CORRECTED);
        type(KeyCode.ENTER);
        waitFor(20, () -> current().imageId() != second.imageId());
        stopWorkstation();

        startWorkstation(data, TestModels.none());
        assertEquals(ImageStatus.ACCEPTED, status(first.imageId()));
        assertEquals(ImageStatus.CORRECTED, status(second.imageId()));
        select(vm().queue().entries().stream().filter(e -> e.imageId() == second.imageId()).findFirst().orElseThrow());
        assertTrue(fx(() -> vm().canvas().mask().get().isSet(w / 2, h / 2)), "the corrected stroke is back");
        assertTrue(fx(() -> vm().canvas().mask().get().countSet()) > 100);
    }

    private QueueEntry firstUnsettled() {
        return fx(() -> vm().queue().visible().stream().filter(e -> !e.status().isSettled()).findFirst().orElseThrow());
    }

    private ImageStatus status(long imageId) {
        return fx(() -> vm().queue().entries().stream().filter(e -> e.imageId() == imageId).findFirst().orElseThrow()
                .status());
    }

    @Test
    void brushSizeAndQueueOrderComeBackAfterARestart() throws Exception {
        startWorkstation(data, TestModels.none());
        fx(() -> {
            vm().canvas().brushRadiusProperty().set(31);
            vm().queue().orderProperty().set(io.defectstudio.app.queue.QueueOrder.NAME);
            return null;
        });
        waitFor(10, () -> new io.defectstudio.app.settings.AppSettings(data).queueOrder().isPresent()
                && new io.defectstudio.app.settings.AppSettings(data).brushRadius().isPresent());
        stopWorkstation();

        startWorkstation(data, TestModels.none());
        waitFor(10, () -> fx(() -> vm().canvas().brushRadiusProperty().get()) == 31);
        org.junit.jupiter.api.Assertions.assertEquals(io.defectstudio.app.queue.QueueOrder.NAME,
                fx(() -> vm().queue().orderProperty().get()));
    }

    private void select(QueueEntry e) throws Exception {
        fx(() -> {
            vm().editor().select(e);
            return null;
        });
        waitFor(20, () -> shows(e));
    }
}
