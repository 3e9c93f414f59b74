package io.defectstudio.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectCopy;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.storage.training.EpochMetrics;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short real meta-training runs (compact backbone, 32x32 parts, a few steps) through the app's service. */
class TrainingServiceTest {
    @TempDir
    static Path shared;
    static Path template;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeProject() throws Exception {
        template = TrainingProjects.create(shared, 6);
    }

    private Path copyProject() throws Exception {
        Path target = temp.resolve("p");
        try (var files = Files.walk(template)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(template.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    /** Keeps failures so an assertion can show why a run ended. */
    static class Watch implements TrainingObserver {
        final List<Throwable> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onFailed(long runId, Throwable error) {
            failures.add(error);
            error.printStackTrace();
        }
    }

    static TrainingRequest request(String architecture, int epochs, int stepsPerEpoch) {
        return new TrainingRequest(List.of("scratch", "pit"), 1, architecture, "compact", epochs, stepsPerEpoch, 1,
                false, null, 0, 32, 3);
    }

    @Test
    void aShortRealRunRegistersAnInactiveModelVersionWithItsMetrics() throws Exception {
        try (Project p = Project.open(copyProject()); TrainingService service = new TrainingService(p)) {
            ModelRecord shipped = p.models().register("shipped", temp.resolve("none"), "lerenet", "{}");
            p.models().activate(shipped.id());
            List<Long> steps = new CopyOnWriteArrayList<>();
            List<Double> ious = new CopyOnWriteArrayList<>();
            List<String> calibrated = new CopyOnWriteArrayList<>();
            TrainingService.Started started = service.start(request("baseline", 2, 2), new Watch() {
                @Override
                public void onStep(long runId, long step, long total, double loss, Duration remaining) {
                    steps.add(step);
                }

                @Override
                public void onEpoch(long runId, int epoch, double loss, double iou) {
                    ious.add(iou);
                }

                @Override
                public void onCalibrating(long runId, int done, int total) {
                    calibrated.add(done + "/" + total);
                }
            });
            Optional<ModelRecord> model = started.done().get(5, TimeUnit.MINUTES);

            assertTrue(model.isPresent(), "the run registered a model");
            assertEquals(List.of(1L, 2L, 3L, 4L), steps);
            assertEquals(2, ious.size());
            ModelRecord m = model.get();
            assertEquals("baseline", m.architecture());
            assertFalse(m.active(), "a new version is not active until the user says so");
            assertEquals(shipped.id(), p.models().active().orElseThrow().id());
            assertEquals("baseline", ModelBundle.load(m.bundlePath()).manifest().architecture());
            assertEquals("100/100", calibrated.get(calibrated.size() - 1), "threshold calibrated after training");
            assertEquals(100, calibrated.size());
            assertTrue(m.bundlePath().startsWith(p.folder().resolve("models")));
            double iou = JsonParser.parseString(m.metricsJson()).getAsJsonObject().get("validation_mIoU")
                    .getAsDouble();
            assertEquals(ious.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), iou, 1e-9);

            TrainingRun run = p.trainingRuns().get(started.run().id());
            assertEquals(TrainingStatus.COMPLETED, run.status());
            assertEquals(1.0, run.progress());
            assertNotNull(run.checkpointPath());
            assertTrue(Files.isRegularFile(run.checkpointPath()));
            List<EpochMetrics> epochs = p.trainingRuns().epochMetrics(run.id());
            assertEquals(2, epochs.size());
            assertTrue(epochs.get(1).metricsJson().contains("validation_mIoU"));
            assertEquals("scratch", TrainingRequest.fromJson(run.configJson()).classes().get(0));
        }
    }

    @Test
    void fromTheActiveModelStartsFromTheShippedOneWhileNoVersionIsActive() throws Exception {
        // A bundle trained in another project stands in for the shipped model.
        Path trained;
        try (Project first = Project.open(copyProject()); TrainingService service = new TrainingService(first)) {
            trained = service.start(request("baseline", 1, 2), new Watch()).done().get(5, TimeUnit.MINUTES)
                    .orElseThrow().bundlePath();
        }
        Path shipped = temp.resolve("shipped");
        Files.move(trained, shipped);
        deleteTree(temp.resolve("p"));
        // The workstation's single writer stands in: every database write of the run goes through it.
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        try (Project p = Project.open(copyProject());
             TrainingService service = new TrainingService(p, () -> Optional.of(shipped), work -> {
                 writes.incrementAndGet();
                 writer.execute(work);
             })) {
            assertTrue(p.models().active().isEmpty());
            TrainingRequest fromActive = new TrainingRequest(List.of("scratch", "pit"), 1, "baseline", "compact", 1,
                    2, 1, true, null, 0, 32, 3);
            Watch watch = new Watch();
            assertTrue(service.start(fromActive, watch).done().get(5, TimeUnit.MINUTES).isPresent(),
                    "failures: " + watch.failures);
            assertTrue(Files.exists(p.folder().resolve("training/run-1/start-backbone.safetensors")),
                    "the run started from the shipped model's backbone");
            // created, started, one epoch's metrics and checkpoint, registered and finished
            assertTrue(writes.get() >= 4, "writes through the writer: " + writes.get());
        } finally {
            writer.shutdown();
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void aSharedProjectOnPostgresTrainsFromTheSharedEpisodesTheSameWay() throws Exception {
        Path folder = temp.resolve("shared");
        try (Project single = Project.open(copyProject());
             Project target = Project.createShared(folder, PostgresServer.shared().newDatabase(), "copy",
                     ProjectOptions.defaults())) {
            ProjectCopy.copy(single, target, done -> { });
        }
        try (Project p = Project.open(folder); TrainingService service = new TrainingService(p)) {
            assertTrue(p.isShared());
            TrainingService.Started started = service.start(request("baseline", 1, 2), new Watch());
            ModelRecord m = started.done().get(5, TimeUnit.MINUTES).orElseThrow();
            assertEquals(TrainingStatus.COMPLETED, p.trainingRuns().get(started.run().id()).status());
            assertEquals(1, p.trainingRuns().epochMetrics(started.run().id()).size());
            assertEquals("baseline", ModelBundle.load(m.bundlePath()).manifest().architecture());
            assertTrue(m.bundlePath().startsWith(folder.resolve("models")), "the bundle is in the shared folder");
        }
    }

    @Test
    void aCancelledRunLeavesTheActiveModelUntouched() throws Exception {
        try (Project p = Project.open(copyProject()); TrainingService service = new TrainingService(p)) {
            ModelRecord shipped = p.models().register("shipped", temp.resolve("none"), "lerenet", "{}");
            p.models().activate(shipped.id());
            TrainingService.Started started = service.start(request("baseline", 50, 10), new Watch() {
                @Override
                public void onStep(long runId, long step, long total, double loss, Duration remaining) {
                    if (step == 2) {
                        service.cancel(runId);
                    }
                }
            });
            assertTrue(started.done().get(5, TimeUnit.MINUTES).isEmpty());

            assertEquals(TrainingStatus.CANCELLED, p.trainingRuns().get(started.run().id()).status());
            assertEquals(List.of(shipped.id()), p.models().list().stream().map(ModelRecord::id).toList());
            assertEquals(shipped.id(), p.models().active().orElseThrow().id());
            try (var files = Files.list(p.folder().resolve("models"))) {
                assertEquals(0, files.count(), "no bundle was written");
            }
        }
    }

    @Test
    void aRunInterruptedByARestartResumesFromItsCheckpoint() throws Exception {
        Path folder = copyProject();
        long runId;
        try (Project p = Project.open(folder); TrainingService service = new TrainingService(p)) {
            TrainingService.Started started = service.start(request("baseline", 3, 2), new Watch() {
                @Override
                public void onStep(long id, long step, long total, double loss, Duration remaining) {
                    if (step == 3) {
                        service.cancel(id);
                    }
                }
            });
            started.done().get(5, TimeUnit.MINUTES);
            runId = started.run().id();
            // What a killed process leaves behind: the run still RUNNING, the epoch-1 checkpoint on disk.
            p.trainingRuns().updateProgress(runId, TrainingStatus.RUNNING, 0.5, null);
        }
        try (Project p = Project.open(folder); TrainingService service = new TrainingService(p)) {
            List<Long> resumedAt = new CopyOnWriteArrayList<>();
            List<Long> steps = new CopyOnWriteArrayList<>();
            List<TrainingService.Started> resumed = service.resumeInterrupted(new Watch() {
                @Override
                public void onResumed(long id, long step) {
                    resumedAt.add(step);
                }

                @Override
                public void onStep(long id, long step, long total, double loss, Duration remaining) {
                    steps.add(step);
                }
            });
            assertEquals(1, resumed.size());
            assertTrue(resumed.get(0).done().get(5, TimeUnit.MINUTES).isPresent());
            assertEquals(List.of(2L), resumedAt);
            assertEquals(List.of(3L, 4L, 5L, 6L), steps);
            assertEquals(TrainingStatus.COMPLETED, p.trainingRuns().get(runId).status());
            assertEquals(3, p.trainingRuns().epochMetrics(runId).size());
            assertEquals(1, p.models().list().size());
            assertTrue(service.resumeInterrupted(TrainingObserver.NONE).isEmpty());
        }
    }

    @Test
    void tooFewMasksIsAClearErrorBeforeAnythingIsRecorded() throws Exception {
        try (Project p = Project.open(copyProject()); TrainingService service = new TrainingService(p)) {
            TrainingRequest threeShot = new TrainingRequest(List.of("pit"), 3, "baseline", "compact", 1, 1, 1,
                    false, null, 0, 32, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> service.start(threeShot, TrainingObserver.NONE));
            assertTrue(e.getMessage().contains("pit has 6"), e.getMessage());
            assertTrue(p.trainingRuns().list().isEmpty());
        }
    }
}
