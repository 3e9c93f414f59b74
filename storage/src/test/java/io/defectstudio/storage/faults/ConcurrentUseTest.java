package io.defectstudio.storage.faults;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** UI background tasks and a training thread use one project at once: no write is lost, no version is doubled. */
class ConcurrentUseTest {
    private static final int UI_TASKS = 4;
    private static final int SAVES_PER_TASK = 8;
    private static final int EPOCHS = 12;

    @TempDir
    Path temp;

    @Test
    void uiTasksAndATrainingThreadShareTheProject() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, 32, 32);
        ExecutorService pool = Executors.newFixedThreadPool(UI_TASKS + 2);
        try (Project project = fx.project()) {
            long image = fx.image().id();
            long scratch = fx.defectClass().id();
            ImageRecord second = project.images().importFile(
                    TestImages.write(temp.resolve("second.png"), TestImages.grey8(32, 32), "png")).image();
            TrainingRun run = project.trainingRuns().create("{\"episodes\":100}");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();

            for (int t = 0; t < UI_TASKS; t++) {
                int task = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < SAVES_PER_TASK; i++) {
                        long target = (i % 2 == 0) ? image : second.id();
                        project.annotations().save(target, scratch, AnnotationKind.CORRECTION, "ui-" + task,
                                TestImages.mask(32, 32, task * 10 + i));
                        project.annotations().history(target, scratch);
                        project.images().list();
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                    project.trainingRuns().updateProgress(run.id(), TrainingStatus.RUNNING,
                            (double) epoch / EPOCHS, Path.of("ckpt/epoch-" + epoch));
                    project.trainingRuns().addEpochMetrics(run.id(), epoch, "{\"loss\":" + (1.0 / epoch) + "}");
                    project.annotations().latestForClass(scratch);
                }
                return null;
            }));
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    project.reviews().record(image, scratch, i % 2 == 0 ? ReviewDecision.APPROVE
                            : ReviewDecision.RELABEL, "reviewer", "pass " + i);
                }
                return null;
            }));

            start.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }

            int perImage = UI_TASKS * SAVES_PER_TASK / 2;
            for (long target : List.of(image, second.id())) {
                List<Integer> versions = project.annotations().history(target, scratch).stream()
                        .map(Annotation::version).toList();
                assertEquals(IntStream.rangeClosed(1, perImage).boxed().toList(), versions);
            }
            assertEquals(EPOCHS, project.trainingRuns().epochMetrics(run.id()).size());
            assertEquals(1.0, project.trainingRuns().get(run.id()).progress());
            assertEquals(20, project.reviews().history(image).size());
            assertEquals(List.of(), project.integrityProblems());
        } finally {
            pool.shutdownNow();
        }
    }
}
