package io.defectstudio.storage.repositories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.MaskSizeMismatchException;
import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.episodes.Episode;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.storage.predictions.Prediction;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.training.EpochMetrics;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductRepositoriesTest {
    @TempDir
    Path temp;
    ProjectFixture fx;
    Project project;
    long image;
    long scratch;

    @BeforeEach
    void setUp() throws IOException {
        fx = ProjectFixture.create(temp, 24, 16);
        project = fx.project();
        image = fx.image().id();
        scratch = fx.defectClass().id();
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    @Test
    void defectClassesCarryNameColourAndDescription() {
        DefectClass pit = project.classes().create("pit", "#00AA11", "round holes");

        assertEquals("#00aa11", pit.colourHex());
        assertEquals("round holes", pit.description());
        assertEquals("pitting", project.classes().rename(pit.id(), "pitting").name());
        assertEquals("#123456", project.classes().recolour(pit.id(), "#123456").colourHex());
        assertEquals(List.of("scratch", "pitting"), project.classes().list().stream().map(DefectClass::name).toList());
        assertThrows(StorageException.class, () -> project.classes().create("scratch", "#000000", ""));
        assertThrows(IllegalArgumentException.class, () -> project.classes().create("x", "red", ""));
        assertThrows(NotFoundException.class, () -> project.classes().get(999));
    }

    @Test
    void projectNameAndDescriptionAreKept() {
        project.rename("Line 3 tiles");
        project.describe("hot strip mill, camera 2");
        assertEquals("Line 3 tiles", project.name());
        assertEquals("hot strip mill, camera 2", project.description());
    }

    @Test
    void predictionsKeepMaskConfidenceAndLatency() {
        BufferedImage mask = TestImages.mask(24, 16, 2);
        Prediction saved = project.predictions().save(image, scratch, "lerenet-1.0", mask, 0.87, 42);

        Prediction latest = project.predictions().latest(image, scratch).orElseThrow();
        assertEquals(saved, latest);
        assertEquals("lerenet-1.0", latest.modelVersion());
        assertEquals(0.87, latest.confidence());
        assertEquals(42, latest.latencyMillis());
        assertArrayEquals(pixels(mask), pixels(project.predictions().readMask(saved.id())));
        assertThrows(MaskSizeMismatchException.class, () ->
                project.predictions().save(image, scratch, "lerenet-1.0", TestImages.mask(23, 16, 0), 0.5, 1));
        assertThrows(IllegalArgumentException.class, () ->
                project.predictions().save(image, scratch, "lerenet-1.0", mask, 1.5, 1));
        assertEquals(1, project.predictions().history(image, scratch).size());
        assertFalse(latest.hasProbability(), "saved without its probability map");
        assertTrue(project.predictions().readProbability(saved.id()).isEmpty());
    }

    /** The map is stored at its own (working) size with its levels intact, and its peak beside it. */
    @Test
    void aPredictionKeepsItsProbabilityMapAndPeak() {
        BufferedImage levels = new BufferedImage(12, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                levels.getRaster().setSample(x, y, 0, (x * 17 + y * 5) % 200);
            }
        }
        Prediction saved = project.predictions().save(image, scratch, "matcher-1", TestImages.mask(24, 16, 2), 0.7,
                5, levels, 0.64);

        assertTrue(saved.hasProbability());
        assertEquals(0.64, project.predictions().latest(image, scratch).orElseThrow().peak(), 1e-9);
        BufferedImage back = project.predictions().readProbability(saved.id()).orElseThrow();
        assertEquals(12, back.getWidth());
        assertArrayEquals(pixels(levels), pixels(back));
        assertThrows(IllegalArgumentException.class, () -> project.predictions().save(image, scratch, "matcher-1",
                TestImages.mask(24, 16, 2), 0.7, 5, new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB), 0.5));
        assertThrows(IllegalArgumentException.class, () -> project.predictions().save(image, scratch, "matcher-1",
                TestImages.mask(24, 16, 2), 0.7, 5, levels, Double.NaN));
    }

    @Test
    void reviewsAreAnAppendOnlyLog() {
        Review approve = project.reviews().record(image, scratch, ReviewDecision.APPROVE, "dana", "clean");
        Review relabel = project.reviews().record(image, scratch, ReviewDecision.RELABEL, "eve", "edge missed");

        assertEquals(List.of(approve, relabel), project.reviews().history(image));
        assertEquals(ReviewDecision.RELABEL, project.reviews().latest(image, scratch).orElseThrow().decision());
        assertEquals("edge missed", relabel.comment());
        assertThrows(NotFoundException.class,
                () -> project.reviews().record(999, scratch, ReviewDecision.REJECT, "dana", ""));
    }

    @Test
    void aBundleInsideTheProjectIsFoundAfterTheFolderMoves() {
        Path inside = project.folder().resolve("models/m1");
        ModelRecord m = project.models().register("m1", inside, "matcher", "{}");
        assertEquals(inside, m.bundlePath());
        Path outside = temp.resolve("elsewhere/bundle");
        assertEquals(outside, project.models().register("ext", outside, "matcher", "{}").bundlePath());
        project.close();
        Path moved = temp.resolve("moved");
        try {
            java.nio.file.Files.move(project.folder(), moved);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        project = Project.open(moved);
        assertEquals(moved.resolve("models/m1"), project.models().get(m.id()).bundlePath());
        assertEquals(outside, project.models().list().get(1).bundlePath());
    }

    @Test
    void exactlyOneModelIsActive() {
        ModelRecord a = project.models().register("base", Path.of("models/base"), "LERENet", "{\"miou\":0.61}");
        ModelRecord b = project.models().register("tuned", Path.of("models/tuned"), "EAMNet", "{\"miou\":0.66}");
        assertTrue(project.models().active().isEmpty());

        project.models().activate(a.id());
        project.models().activate(b.id());

        ModelRecord active = project.models().active().orElseThrow();
        assertEquals(b.id(), active.id());
        assertEquals(project.folder().resolve("models/tuned"), active.bundlePath(),
                "a relative bundle path is inside the project folder");
        assertEquals("{\"miou\":0.66}", active.metricsJson());
        assertEquals(1, project.models().list().stream().filter(ModelRecord::active).count());
        assertThrows(NotFoundException.class, () -> project.models().activate(999));
        assertEquals(b.id(), project.models().active().orElseThrow().id());

        project.models().deactivateAll();
        assertTrue(project.models().active().isEmpty(), "back to the shipped model");
        assertEquals(b.id(), project.models().previouslyActive().orElseThrow().id(), "and b is what came before");
    }

    @Test
    void trainingRunsRecordProgressCheckpointsAndEpochs() {
        TrainingRun run = project.trainingRuns().create("{\"shots\":5}");
        assertEquals(TrainingStatus.PENDING, run.status());

        project.trainingRuns().updateProgress(run.id(), TrainingStatus.RUNNING, 0.25, Path.of("ckpt/e1"));
        project.trainingRuns().addEpochMetrics(run.id(), 1, "{\"loss\":0.9}");
        project.trainingRuns().updateProgress(run.id(), TrainingStatus.RUNNING, 0.5, null);
        project.trainingRuns().addEpochMetrics(run.id(), 2, "{\"loss\":0.7}");
        project.trainingRuns().addEpochMetrics(run.id(), 2, "{\"loss\":0.6}");
        TrainingRun done = project.trainingRuns().finish(run.id(), TrainingStatus.COMPLETED);

        assertEquals(TrainingStatus.COMPLETED, done.status());
        assertEquals(0.5, done.progress());
        assertEquals(Path.of("ckpt/e1"), done.checkpointPath());
        List<EpochMetrics> epochs = project.trainingRuns().epochMetrics(run.id());
        assertEquals(List.of(1, 2), epochs.stream().map(EpochMetrics::epoch).toList());
        assertEquals("{\"loss\":0.6}", epochs.get(1).metricsJson());
        assertEquals(List.of(done), project.trainingRuns().list());
        assertThrows(IllegalArgumentException.class,
                () -> project.trainingRuns().updateProgress(run.id(), TrainingStatus.RUNNING, 1.5, null));
    }

    @Test
    void episodesKeepOrderAndPinTheSupportMaskVersion() throws IOException {
        ImageRecord second = project.images().importFile(
                TestImages.write(temp.resolve("q1.png"), TestImages.grey8(24, 16), "png")).image();
        ImageRecord third = project.images().importFile(
                TestImages.write(temp.resolve("q2.png"), TestImages.rgb(24, 16), "png")).image();
        Annotation support = project.annotations().save(image, scratch, AnnotationKind.SUPPORT, "anna",
                TestImages.mask(24, 16, 1));

        Episode episode = project.episodes().create("shift 1", scratch, List.of(image),
                List.of(third.id(), second.id()));
        project.annotations().save(image, scratch, AnnotationKind.CORRECTION, "anna", TestImages.mask(24, 16, 4));

        Episode loaded = project.episodes().get(episode.id());
        assertEquals(episode, loaded);
        assertEquals(List.of(image), loaded.supportImageIds());
        assertEquals(List.of(third.id(), second.id()), loaded.queryImageIds());
        assertEquals(Map.of(image, support.id()), loaded.supportAnnotationIds());
        assertEquals(List.of(loaded), project.episodes().list());
        assertThrows(NotFoundException.class,
                () -> project.episodes().create("bad", scratch, List.of(999L), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> project.episodes().create("empty", scratch, List.of(), List.of(image)));
        assertEquals(1, project.episodes().list().size());
    }

    @Test
    void integrityCheckIsCleanOnAHealthyProject() {
        project.annotations().save(image, scratch, AnnotationKind.SUPPORT, "anna", TestImages.mask(24, 16, 1));
        assertEquals(List.of(), project.integrityProblems());
        assertFalse(project.name().isBlank());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
