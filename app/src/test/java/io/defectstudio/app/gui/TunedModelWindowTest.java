package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that fits itself to each support set: the window says so while it works, then segments the queue. */
class TunedModelWindowTest extends WorkstationFixture {
    @TempDir
    Path models;

    @Test
    void theStatusSaysTheModelIsFittedBeforeTheQueueIsSegmented() throws Exception {
        ModelBundle plain = ModelBundle.load(TestModels.bundle(models));
        Path tuned = models.resolve("tuned");
        ModelBundle.write(tuned, plain.manifest().withThreshold(plain.manifest().threshold(),
                new Manifest.SupportTuning(2, 1e-3), "calibration", 0), plain.readWeights());
        ThreadCheckingPort[] port = new ThreadCheckingPort[1];
        List<String> messages = new CopyOnWriteArrayList<>();
        startWorkstation(data, (project, detail, problem) -> {
            port[0] = new ThreadCheckingPort(Engines.open(tuned));
            return Optional.of(port[0]);
        });
        waitFor(240, () -> vm().segmentation().totalProperty().get() > 0
                && vm().segmentation().doneProperty().get() == vm().segmentation().totalProperty().get());
        int firstRound = port[0].results.get();
        assertTrue(firstRound >= 30, "the demo queue is segmented: " + firstRound);

        // a new support set: the model is fitted to it again, and the window says so until the queue is done
        QueueEntry predicted = fx(() -> vm().queue().entries().stream()
                .filter(e -> e.status() == ImageStatus.PREDICTED).findFirst().orElseThrow());
        fx(() -> {
            vm().session().messageProperty().addListener((o, was, now) -> messages.add(now));
            vm().editor().select(predicted);
            return null;
        });
        waitFor(20, () -> current().imageId() == predicted.imageId() && vm().canvas().imageProperty().get() != null);
        fx(() -> {
            vm().decisions().toggleSupport();
            return null;
        });
        waitFor(240, () -> port[0].results.get() >= 2 * firstRound - 1
                && vm().segmentation().doneProperty().get() == vm().segmentation().totalProperty().get());
        assertTrue(port[0].fitsToSupport());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Fitting the model to ")), messages.toString());
        assertEquals(0, port[0].onFxThread.get(), "fitting and segmenting stay off the JavaFX thread");
    }
}
