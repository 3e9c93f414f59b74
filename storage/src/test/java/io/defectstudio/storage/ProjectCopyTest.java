package io.defectstudio.storage;

import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code project copy}: SQLite to PostgreSQL and back, losing nothing. */
@Tag("postgres")
class ProjectCopyTest {
    @TempDir
    Path temp;

    @Test
    void aProjectGoesToPostgresAndBackUnchanged() throws Exception {
        Map<String, String> original;
        Map<String, Long> originalCounts;
        long image;
        long scratch;
        try (Project p = Project.create(temp.resolve("single"), "placeholder")) {
            scratch = p.classes().create("scratch", "#ff0000", "").id();
            image = p.images().importFile(TestImages.write(temp.resolve("a.png"), TestImages.grey16(24, 16), "png"))
                    .image().id();
            fill(p, image, scratch);
            original = ProjectCopy.checksums(p);
            originalCounts = ProjectCopy.counts(p);

            try (Project shared = Project.createShared(temp.resolve("shared"), PostgresServer.shared().newDatabase(),
                    "placeholder", ProjectOptions.defaults())) {
                List<Integer> progress = new ArrayList<>();
                ProjectCopy.Report report = ProjectCopy.copy(p, shared, progress::add);
                assertEquals(original, report.checksums());
                assertEquals(originalCounts, report.rows());
                assertEquals(2, report.imageFiles());
                assertEquals(ProjectCopy.TABLES.size(), progress.get(progress.size() - 1));
                assertEquals("Line 3", shared.name());
                assertArrayEquals(pixels(p.annotations().readMask(p.annotations().latest(image, scratch)
                        .orElseThrow().id())), pixels(shared.annotations().readMask(shared.annotations()
                        .latest(image, scratch).orElseThrow().id())));
                assertEquals(p.images().read(image).getWidth(), shared.images().read(image).getWidth());
                Path bundle = shared.models().list().get(0).bundlePath();
                assertEquals(shared.folder().resolve("models/base"), bundle);
                assertEquals("{}", Files.readString(bundle.resolve("model.json")));
            }
        }
        try (Project shared = Project.open(temp.resolve("shared"))) {
            // The ids go on after the copied ones.
            Annotation next = shared.annotations().save(image, scratch, AnnotationKind.CORRECTION, "ben",
                    TestImages.mask(24, 16, 40));
            assertEquals(5, next.version());
            shared.annotations().retractAfter(image, scratch, 4);
            try (Project back = Project.create(temp.resolve("back"), "placeholder")) {
                ProjectCopy.copy(shared, back, done -> { });
                assertEquals(original, ProjectCopy.checksums(back));
            }
        }
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndKeepsIt() throws Exception {
        try (ProjectFixture source = ProjectFixture.create(temp.resolve("s"), 8, 8);
             ProjectFixture target = ProjectFixture.create(temp.resolve("t"), 8, 8)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> ProjectCopy.copy(source.project(), target.project(), done -> { }));
            assertTrue(e.getMessage().contains("holds data"), e.getMessage());
            assertEquals(1, target.project().images().list().size());
        }
    }

    private static void fill(Project p, long image, long scratch) throws Exception {
        p.rename("Line 3");
        p.describe("hot strip mill");
        long pit = p.classes().create("pit", "#00ff00", "round").id();
        Path file = p.folder().resolveSibling("b-" + System.nanoTime() + ".png");
        long second = p.images().importFile(TestImages.write(file, TestImages.grey8(24, 16), "png")).image().id();
        Annotation first = p.annotations().save(image, scratch, AnnotationKind.SUPPORT, "anna",
                TestImages.mask(24, 16, 1));
        p.annotations().save(image, scratch, AnnotationKind.CORRECTION, "ben", TestImages.mask(24, 16, 2));
        p.annotations().restore(first.id(), "anna");
        p.annotations().save(image, scratch, AnnotationKind.CORRECTION, "anna", TestImages.mask(24, 16, 3));
        p.annotations().save(second, pit, AnnotationKind.IMPORTED, "import", TestImages.mask(24, 16, 4));
        p.predictions().save(second, scratch, "matcher-1", TestImages.mask(24, 16, 5), 0.625, 17);
        p.reviews().record(image, scratch, ReviewDecision.APPROVE, "anna", "ok");
        p.reviews().record(image, scratch, ReviewDecision.REJECT, "sam", "edge", ReviewRole.SUPERVISOR);
        Files.createDirectories(p.folder().resolve("models/base"));
        Files.writeString(p.folder().resolve("models/base/model.json"), "{}");
        ModelRecord a = p.models().register("base", Path.of("models/base"), "matcher", "{\"miou\":0.3}");
        ModelRecord b = p.models().register("tuned", Path.of("models/tuned"), "eamnet", "{}");
        p.models().activate(a.id());
        p.models().activate(b.id());
        TrainingRun run = p.trainingRuns().create("{\"shots\":5}");
        p.trainingRuns().updateProgress(run.id(), TrainingStatus.RUNNING, 0.5, Path.of("ckpt/e1"));
        p.trainingRuns().addEpochMetrics(run.id(), 1, "{\"loss\":0.9}");
        p.episodes().create("shift 1", scratch, List.of(image), List.of(second));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
