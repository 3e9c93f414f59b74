package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.predictions.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The few-shot loop on the real window with a real model: supports segment the queue; predictions are stored. */
class SegmentationWindowTest extends WorkstationFixture {
    @TempDir
    Path models;

    @Test
    void supportsSegmentTheQueueAndASupportChangeResegmentsWhatIsNotAccepted() throws Exception {
        Path bundle = TestModels.bundle(models);
        ThreadCheckingPort[] port = new ThreadCheckingPort[1];
        startWorkstation(data, (project, detail, problem) -> {
            port[0] = new ThreadCheckingPort(io.defectstudio.app.engine.Engines.open(bundle));
            return java.util.Optional.of(port[0]);
        });
        assertTrue(fx(() -> vm().session().modelNameProperty().get()).contains("("), "status bar names the model");
        assertTrue(fx(() -> vm().session().deviceNameProperty().get()).matches("CPU|GPU.*"));

        // the demo's shipped support masks start segmentation by themselves
        waitFor(240, () -> vm().segmentation().totalProperty().get() > 0
                && vm().segmentation().doneProperty().get() == vm().segmentation().totalProperty().get());
        long classId = fx(() -> vm().classes().activeProperty().get().id());
        List<QueueEntry> entries = fx(() -> vm().queue().entries());
        List<QueueEntry> predicted = entries.stream().filter(e -> e.status().isPrediction()).toList();
        assertEquals(fx(() -> vm().segmentation().totalProperty().get()), predicted.size());
        assertTrue(predicted.size() >= 30, "queue of the demo: " + predicted.size());
        try (Project p = Project.open(projectFolder())) {
            for (QueueEntry e : predicted) {
                Optional<Prediction> stored = p.predictions().latest(e.imageId(), classId);
                assertTrue(stored.isPresent(), "prediction stored for " + e.name());
                assertEquals(e.confidence(), stored.get().confidence(), 1e-9);
            }
        }

        // accept one image, then change the support set while another image is on screen
        QueueEntry accepted = predicted.get(0);
        QueueEntry newSupport = predicted.get(1);
        QueueEntry onScreen = predicted.get(predicted.size() - 1);
        selectAndWait(accepted);
        fx(() -> {
            vm().decisions().accept();
            return null;
        });
        waitFor(20, () -> vm().queue().entries().stream().anyMatch(e -> e.imageId() == accepted.imageId()
                && e.status() == ImageStatus.ACCEPTED));
        long maxIdBefore;
        try (Project p = Project.open(projectFolder())) {
            maxIdBefore = p.predictions().latest(onScreen.imageId(), classId).orElseThrow().id();
            for (QueueEntry e : predicted) {
                maxIdBefore = Math.max(maxIdBefore, p.predictions().latest(e.imageId(), classId).orElseThrow().id());
            }
        }
        selectAndWait(newSupport);
        long before = maxIdBefore;
        fx(() -> {
            vm().decisions().toggleSupport();
            vm().editor().select(vm().queue().entries().stream().filter(e -> e.imageId() == onScreen.imageId())
                    .findFirst()
                    .orElseThrow());
            return null;
        });
        waitFor(240, () -> vm().segmentation().totalProperty().get() == predicted.size() - 2
                && vm().segmentation().doneProperty().get() == vm().segmentation().totalProperty().get());

        try (Project p = Project.open(projectFolder())) {
            List<Prediction> fresh = predicted.stream()
                    .map(e -> p.predictions().latest(e.imageId(), classId).orElseThrow())
                    .filter(x -> x.id() > before).sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
            assertEquals(predicted.size() - 2, fresh.size(), "every image neither accepted nor support re-segmented");
            assertEquals(onScreen.imageId(), fresh.get(0).imageId(), "the image on screen goes first");
            assertTrue(fresh.stream().noneMatch(x -> x.imageId() == accepted.imageId()), "accepted stays");
            assertEquals(1, p.predictions().history(accepted.imageId(), classId).size());
        }
        assertTrue(port[0].results.get() >= 2 * predicted.size() - 2);
        assertEquals(0, port[0].onFxThread.get(), "no query is loaded or segmented on the JavaFX thread");
    }

    private void selectAndWait(QueueEntry e) throws Exception {
        fx(() -> {
            vm().editor().select(e);
            return null;
        });
        waitFor(20, () -> shows(e));
    }

    private Path projectFolder() {
        return fx(() -> vm().projectFolder().orElseThrow());
    }
}
