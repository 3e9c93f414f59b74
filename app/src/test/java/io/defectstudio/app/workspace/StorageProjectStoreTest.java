package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.inference.ProbabilityMap;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.annotations.AnnotationKind;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageProjectStoreTest {

    @Test
    void masksAndDecisionsRecordThePersonNotAFixedInspector(@TempDir Path dir) {
        Path folder = DemoProject.install(dir.resolve("demo"));
        long imageId;
        long classId;
        try (StorageProjectStore store = StorageProjectStore.open(folder, "Ana Lopez")) {
            imageId = store.images().get(5).id();
            classId = store.classes().get(0).id();
            BufferedImage image = store.readImage(imageId);
            BufferedImage empty = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            store.saveMask(imageId, classId, ProjectStore.MaskKind.ACCEPTED, empty);
            store.recordDecision(imageId, classId, ProjectStore.Decision.ACCEPTED);
            assertEquals(ProjectStore.MaskKind.ACCEPTED, store.latestMask(imageId, classId).orElseThrow().kind());
        }
        try (Project p = Project.open(folder)) {
            String author = p.annotations().latest(imageId, classId).orElseThrow().author();
            assertEquals("Ana Lopez", StorageProjectStore.person(author));
            assertEquals("Ana Lopez", p.reviews().latest(imageId, classId).orElseThrow().reviewer());
            p.annotations().save(imageId, classId, AnnotationKind.CORRECTION, "inspector/accepted-prediction",
                    p.annotations().readMask(p.annotations().latest(imageId, classId).orElseThrow().id()));
        }
        try (StorageProjectStore store = StorageProjectStore.open(folder)) {
            assertEquals(ProjectStore.MaskKind.ACCEPTED, store.latestMask(imageId, classId).orElseThrow().kind(),
                    "projects written before names still read as accepted");
        }
    }

    @Test
    void undoTakesBackOnlyThisPersonsVersionsAndNeverAnothers(@TempDir Path dir) {
        Path folder = DemoProject.install(dir.resolve("demo"));
        try (StorageProjectStore ana = StorageProjectStore.open(folder, "Ana");
             StorageProjectStore ben = StorageProjectStore.open(folder, "Ben")) {
            long imageId = ana.images().get(7).id();
            long classId = ana.classes().get(0).id();
            BufferedImage image = ana.readImage(imageId);
            BufferedImage empty = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            int shown = ana.latestMask(imageId, classId).map(ProjectStore.StoredMask::version).orElse(0);
            ana.saveMask(imageId, classId, ProjectStore.MaskKind.CORRECTION, empty);
            ProjectStore.StoredMask bens = ben.saveMask(imageId, classId, ProjectStore.MaskKind.CORRECTION, empty);
            assertEquals("Ben", bens.person());

            StorageException refused = assertThrows(StorageException.class,
                    () -> ana.retractMasks(imageId, classId, shown));
            assertTrue(refused.getMessage().startsWith("Ben saved version " + bens.version()), refused.getMessage());
            assertEquals(bens, ana.latestMask(imageId, classId).orElseThrow(), "Ben's work stays");

            ben.retractMasks(imageId, classId, bens.version() - 1);
            assertEquals("Ana", ana.latestMask(imageId, classId).orElseThrow().person());
            ana.retractMasks(imageId, classId, shown);
            assertEquals(shown, ana.latestMask(imageId, classId).map(ProjectStore.StoredMask::version).orElse(0));
        }
    }

    @Test
    void theQueueReadAtOnceEqualsTheQueueReadImageByImage(@TempDir Path dir) {
        Path folder = DemoProject.install(dir.resolve("demo"));
        try (StorageProjectStore store = StorageProjectStore.open(folder, "Ana")) {
            long classId = store.classes().get(0).id();
            List<ProjectStore.ImageInfo> images = store.images();
            predict(store, images.get(3).id(), classId, blankFor(store, images.get(3)), 0.9);
            predict(store, images.get(4).id(), classId, blankFor(store, images.get(4)), 0.4);
            predict(store, images.get(4).id(), classId, blankFor(store, images.get(4)), 0.7);
            store.saveMask(images.get(5).id(), classId, ProjectStore.MaskKind.CORRECTION,
                    blankFor(store, images.get(5)));
            store.recordDecision(images.get(6).id(), classId, ProjectStore.Decision.FLAGGED);
            store.recordDecision(images.get(6).id(), classId, ProjectStore.Decision.ACCEPTED);
            store.recordDecision(images.get(7).id(), classId, ProjectStore.Decision.FLAGGED);

            QueueLoader loader = new QueueLoader(store);
            List<QueueEntry> atOnce = loader.load(classId, Double.NaN);
            assertEquals(images.size(), atOnce.size());
            for (int i = 0; i < images.size(); i++) {
                QueueEntry one = loader.entry(images.get(i), classId, atOnce.get(i).classIds());
                assertEquals(one, atOnce.get(i), "image " + images.get(i).name());
            }
            assertEquals(ImageStatus.FLAGGED, atOnce.get(7).status());
            assertEquals(0.7, atOnce.get(4).confidence(), 1e-12, "the newest prediction counts");
        }
    }

    /**
     * A prediction stored with its probabilities: the queue sorts it into "defect" or "no defect" by the threshold
     * it is read at, and the map comes back at its working size with the image's size to cut at.
     */
    @Test
    void theQueueSortsPredictionsByTheThresholdItIsReadAt(@TempDir Path dir) {
        Path folder = DemoProject.install(dir.resolve("demo"));
        try (StorageProjectStore store = StorageProjectStore.open(folder, "Ana")) {
            long classId = store.classes().get(0).id();
            ProjectStore.ImageInfo image = store.images().get(2);
            float[] p = new float[40 * 30];
            for (int i = 0; i < 40 * 4; i++) {
                p[40 * 10 + i] = 0.6f;
            }
            ProbabilityMap map = ProbabilityMap.quantise(p, 40, 30, image.width(), image.height());
            store.savePrediction(image.id(), classId, "m", new SegmentationPort.Result(map.mask(0.5), map, 0.8, 5));

            QueueLoader loader = new QueueLoader(store);
            assertEquals(ImageStatus.PREDICTED, statusOf(loader.load(classId, 0.5), image));
            assertEquals(ImageStatus.PREDICTED_CLEAN, statusOf(loader.load(classId, 0.7), image));
            assertTrue(Double.isNaN(entryOf(loader.load(classId, 0.7), image).confidence()),
                    "the model's confidence in a defect says nothing of the 'no defect' the sensitivity made of it");
            assertEquals(0.8, entryOf(loader.load(classId, 0.5), image).confidence());
            assertEquals(ImageStatus.PREDICTED, statusOf(loader.load(classId, Double.NaN), image),
                    "as the model cut it");
            long predictionId = store.latestPrediction(image.id(), classId).orElseThrow().predictionId();
            ProbabilityMap back = store.readProbability(predictionId).orElseThrow();
            assertEquals(40, back.levels().getWidth());
            assertEquals(image.width(), back.width());
            assertEquals(image.height(), back.height());
            assertEquals(153 / 255.0, back.peak(), 1e-6, "four rows at 0.6 keep their level at any size");
        }
    }

    private static ImageStatus statusOf(List<QueueEntry> entries, ProjectStore.ImageInfo image) {
        return entryOf(entries, image).status();
    }

    private static QueueEntry entryOf(List<QueueEntry> entries, ProjectStore.ImageInfo image) {
        return entries.stream().filter(e -> e.imageId() == image.id()).findFirst().orElseThrow();
    }

    private static void predict(ProjectStore store, long imageId, long classId, BufferedImage mask, double confidence) {
        store.savePrediction(imageId, classId, "m", new SegmentationPort.Result(mask, null, confidence, 5));
    }

    private static BufferedImage blankFor(ProjectStore store, ProjectStore.ImageInfo image) {
        return new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
    }
}
