package io.defectstudio.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.engine.ShippedModel;
import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.training.episodes.Episode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real trained versions compared on the project's held-out episodes, activated and rolled back. */
class ModelVersionsViewModelTest {
    @TempDir
    Path temp;

    /** A data team's bundle from the command line (here the shipped one, extracted elsewhere) joins the project. */
    @Test
    void aBundleBuiltElsewhereIsCheckedCopiedIntoTheProjectAndRegistered() throws Exception {
        Path folder = TrainingProjects.create(temp, 1);
        Path built = ShippedModel.extract(temp.resolve("elsewhere")).orElseThrow();
        Path damaged = temp.resolve("damaged");
        Files.createDirectories(damaged);
        for (String f : new String[] {ModelBundle.MANIFEST_FILE, ModelBundle.DEFAULT_WEIGHTS_FILE}) {
            Files.copy(built.resolve(f), damaged.resolve(f));
        }
        byte[] weights = Files.readAllBytes(damaged.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE));
        weights[weights.length / 2] ^= 1;
        Files.write(damaged.resolve(ModelBundle.DEFAULT_WEIGHTS_FILE), weights);
        try (Project p = Project.open(folder)) {
            ModelVersionsViewModel vm = new ModelVersionsViewModel(p, new CurrentThreadTaskExecutor(),
                    new BenchmarkModelEvaluator(), List::of, Optional::empty, () -> { });
            vm.add(built);
            assertTrue(vm.messageProperty().get().startsWith("Added defect8i-matcher-mobilenet_v2_mid"),
                    vm.messageProperty().get());
            ModelRecord added = p.models().list().get(0);
            assertEquals("matcher", added.architecture());
            assertFalse(added.active(), "adding does not change what the workstation segments with");
            assertTrue(added.bundlePath().startsWith(folder), "the project holds its own copy: " + added.bundlePath());
            assertEquals(ModelBundle.load(built).manifest().weights().sha256(),
                    ModelBundle.load(added.bundlePath()).manifest().weights().sha256());
            assertEquals(2, vm.versions().size());
            assertTrue(vm.versions().get(1).trainingIou().isPresent(), "the manifest's validation figure is shown");

            vm.add(damaged);
            assertTrue(vm.messageProperty().get().startsWith("Error:") && vm.messageProperty().get()
                    .contains("checksum"), vm.messageProperty().get());
            vm.add(built);
            assertEquals(2, p.models().list().size());
            try (var entries = Files.list(folder.resolve("models"))) {
                assertEquals(List.of("added-defect8i-matcher-mobilenet_v2_mid",
                        "added-defect8i-matcher-mobilenet_v2_mid-2"), entries.map(e -> e.getFileName().toString())
                        .sorted().toList(), "two copies, nothing of the damaged one, no temporary folder");
            }
        }
    }

    @Test
    void versionsAreComparedOnOneHeldOutSetThenActivatedAndRolledBack() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        List<String> classes = List.of("scratch", "pit");
        try (Project p = Project.open(folder); TrainingService service = new TrainingService(p)) {
            for (long seed : new long[] {3, 4}) {
                TrainingRequest r = new TrainingRequest(classes, 1, "baseline", "compact", 1, 2, 1, false, null, 0,
                        32, seed);
                assertTrue(service.start(r, TrainingObserver.NONE).done().get(5, TimeUnit.MINUTES).isPresent());
            }
            List<ModelRecord> trained = p.models().list();
            assertEquals(2, trained.size());

            AtomicInteger changes = new AtomicInteger();
            ModelVersionsViewModel vm = new ModelVersionsViewModel(p, new CurrentThreadTaskExecutor(),
                    new BenchmarkModelEvaluator(), () -> HeldOutEpisodes.fromProject(p, classes, 1, 4),
                    Optional::empty, changes::incrementAndGet);
            vm.load();
            assertEquals(3, vm.versions().size());
            ModelVersion shipped = vm.versions().get(0);
            assertTrue(shipped.shipped() && shipped.active(), "the shipped model is listed, and in use");
            List<ModelVersion> versions = vm.versions().subList(1, 3);
            assertTrue(versions.get(0).trainingIou().isPresent());
            assertTrue(versions.stream().noneMatch(ModelVersion::active));

            vm.compare(List.copyOf(versions));
            assertFalse(vm.busyProperty().get());
            List<Episode> episodes = HeldOutEpisodes.fromProject(p, classes, 1, 4);
            for (ModelVersion v : vm.versions().subList(1, 3)) {
                double direct = new BenchmarkModelEvaluator().evaluate(p.models().get(v.id()).bundlePath(), episodes)
                        .meanIou();
                assertEquals(direct, v.heldOutIou().orElseThrow(), 1e-9, "same episodes, same score");
                assertTrue(v.heldOutFbIou().orElseThrow() >= 0 && v.heldOutFbIou().orElseThrow() <= 1);
            }

            vm.activate(vm.versions().get(1));
            assertEquals(1, changes.get(), "the workstation is told to load the new model");
            vm.rollBack();
            assertTrue(p.models().active().isEmpty(), "with no earlier version, roll back goes to the shipped model");
            assertEquals("Rolled back to " + ModelVersionsViewModel.SHIPPED_NAME, vm.messageProperty().get());
            assertTrue(vm.versions().get(0).active());
            vm.rollBack();
            assertEquals(trained.get(0).id(), p.models().active().orElseThrow().id(), "and back again");

            vm.activate(vm.versions().get(1));
            vm.activate(vm.versions().get(2));
            assertEquals(trained.get(1).id(), p.models().active().orElseThrow().id());
            vm.rollBack();
            assertEquals(trained.get(0).id(), p.models().active().orElseThrow().id());
            assertTrue(vm.messageProperty().get().startsWith("Rolled back to"), vm.messageProperty().get());
            assertTrue(vm.versions().get(1).active());
            vm.activate(vm.versions().get(0));
            assertTrue(p.models().active().isEmpty(), "the shipped model can always be made active again");
            vm.rollBack();
        }
        try (Project reopened = Project.open(folder)) {
            assertEquals("baseline-compact-run1", reopened.models().active().orElseThrow().name());
        }
    }

    @Test
    void aVersionThatLearnedNothingOrScoresBelowTheActiveOneIsNotRecommended() {
        ModelVersion active = version(1, true, 0.30, 0.40);
        assertEquals("", ModelVersionsViewModel.advice(active, active));
        assertTrue(ModelVersionsViewModel.advice(version(2, false, 0.0, Double.NaN), active)
                .startsWith("not recommended: it scored 0.0 % in training"));
        assertTrue(ModelVersionsViewModel.advice(version(3, false, 0.35, 0.20), active)
                .contains("20.0 % on the held-out episodes, the active model 40.0 %"));
        assertTrue(ModelVersionsViewModel.advice(version(4, false, 0.25, Double.NaN), active)
                .contains("25.0 % in training validation, the active model 30.0 %"));
        assertEquals("", ModelVersionsViewModel.advice(version(5, false, 0.35, 0.45), active));
    }

    private static ModelVersion version(long id, boolean active, double training, double heldOut) {
        return new ModelVersion(id, "v" + id, "baseline", Instant.EPOCH, active, OptionalDouble.of(training),
                Double.isNaN(heldOut) ? OptionalDouble.empty() : OptionalDouble.of(heldOut), OptionalDouble.empty(),
                "");
    }
}
