package io.defectstudio.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.training.episodes.Episode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real trained versions compared on the project's held-out episodes, activated and rolled back. */
class ModelVersionsViewModelTest {
    @TempDir
    Path temp;

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

            ModelVersionsViewModel vm = new ModelVersionsViewModel(p, new CurrentThreadTaskExecutor(),
                    new BenchmarkModelEvaluator(), () -> HeldOutEpisodes.fromProject(p, classes, 1, 4));
            vm.load();
            assertEquals(2, vm.versions().size());
            assertTrue(vm.versions().get(0).trainingIou().isPresent());
            assertTrue(vm.versions().stream().noneMatch(ModelVersion::active));

            vm.compare(List.copyOf(vm.versions()));
            assertFalse(vm.busyProperty().get());
            List<Episode> episodes = HeldOutEpisodes.fromProject(p, classes, 1, 4);
            for (ModelVersion v : vm.versions()) {
                double direct = new BenchmarkModelEvaluator().evaluate(p.models().get(v.id()).bundlePath(), episodes)
                        .meanIou();
                assertEquals(direct, v.heldOutIou().orElseThrow(), 1e-9, "same episodes, same score");
                assertTrue(v.heldOutFbIou().orElseThrow() >= 0 && v.heldOutFbIou().orElseThrow() <= 1);
            }

            vm.activate(vm.versions().get(0));
            vm.activate(vm.versions().get(1));
            assertEquals(trained.get(1).id(), p.models().active().orElseThrow().id());
            vm.rollBack();
            assertEquals(trained.get(0).id(), p.models().active().orElseThrow().id());
            assertTrue(vm.messageProperty().get().startsWith("Rolled back to"), vm.messageProperty().get());
            assertTrue(vm.versions().get(0).active());
        }
        try (Project reopened = Project.open(folder)) {
            assertEquals("baseline-compact-run1", reopened.models().active().orElseThrow().name());
        }
    }
}
