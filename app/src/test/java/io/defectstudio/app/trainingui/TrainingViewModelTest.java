package io.defectstudio.app.trainingui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.models.TrainingProjects;
import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog's view-model driving real short runs: live series, completion, and resume after a restart. */
class TrainingViewModelTest {
    @TempDir
    Path temp;

    private static TrainingViewModel small(Project p) {
        TrainingViewModel vm = new TrainingViewModel(p, new CurrentThreadTaskExecutor());
        vm.load();
        vm.architectureProperty().set("baseline");
        vm.backboneProperty().set("compact");
        vm.inputSizeProperty().set(32);
        vm.fromActiveModelProperty().set(false);
        vm.stepsPerEpochProperty().set(2);
        return vm;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not met in time");
    }

    @Test
    void theWindowOffersWhatTheCommandLineTrainsAndStartsFromTheSameDefault() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        TrainingViewModel vm = new TrainingViewModel(Project.open(folder), new CurrentThreadTaskExecutor());
        try {
            assertEquals(io.defectstudio.inference.nets.Architecture.DEFAULT_TRAINED.cliName(),
                    vm.architectureProperty().get());
            assertEquals(java.util.List.of("lerenet", "eamnet", "baseline"), TrainingViewModel.ARCHITECTURES,
                    "the training-free matcher is not offered");
        } finally {
            vm.close();
        }
    }

    @Test
    void onlyClassesWithEnoughMasksAreTickedAndWhatIsMissingIsSaidBeforeStart() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        try (Project p = Project.open(folder)) {
            long stain = p.classes().create("stain", "#0000ff", "").id();
            var images = p.images().list();
            for (int i = 0; i < 3; i++) {
                var image = images.get(i);
                java.awt.image.BufferedImage mask = new java.awt.image.BufferedImage(image.width(), image.height(),
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                if (i < 2) {
                    mask.getRaster().setSample(1, 1, 0, 255);
                }
                p.annotations().save(image.id(), stain, AnnotationKind.CORRECTION, "ines", mask);
            }
        }
        TrainingViewModel vm = new TrainingViewModel(Project.open(folder), new CurrentThreadTaskExecutor());
        try {
            vm.load();
            assertEquals(List.of("scratch", "pit", "stain"), vm.classes());
            assertEquals(List.of("scratch", "pit"), vm.chosenClasses(), "stain has too few masks to be ticked");
            assertEquals(2, vm.masksOf("stain"), "an emptied mask is a defect-free example, not a stain");
            assertTrue(vm.readinessProperty().get().startsWith("Ready: scratch (6 masks), pit (6 masks)"),
                    vm.readinessProperty().get());
            vm.chosenClasses().add("stain");
            assertEquals("stain has 2 accepted or corrected masks; 1-shot training needs 6 per class. Accept or"
                    + " correct more, or untick it.", vm.readinessProperty().get());
            vm.chosenClasses().remove("stain");
            vm.shotsProperty().set(2);
            assertTrue(vm.readinessProperty().get().contains("2-shot training needs 11 per class"),
                    vm.readinessProperty().get());
        } finally {
            vm.close();
        }
    }

    @Test
    void aRunFeedsTheProgressEtaAndBothChartsThenRegistersAVersion() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        TrainingViewModel vm = small(Project.open(folder));
        try {
            assertEquals(List.of("scratch", "pit"), vm.chosenClasses());
            vm.epochsProperty().set(2);
            vm.start();
            assertTrue(vm.runningProperty().get());
            waitFor(() -> !vm.runningProperty().get());

            assertTrue(vm.messageProperty().get().startsWith("Finished"), vm.messageProperty().get());
            assertEquals(1.0, vm.progressProperty().get());
            assertEquals(List.of(1L, 2L, 3L, 4L), vm.losses().stream().map(ChartPoint::x).toList());
            assertEquals(2, vm.validationIous().size());
            assertTrue(vm.validationIous().stream().allMatch(p -> p.y() >= 0 && p.y() <= 1));
        } finally {
            vm.close();
        }
        try (Project p = Project.open(folder)) {
            assertEquals(1, p.models().list().size());
            assertFalse(p.models().list().get(0).active());
        }
    }

    @Test
    void closingTheAppMidRunLeavesItToResumeWhenTheProjectOpensAgain() throws Exception {
        Path folder = TrainingProjects.create(temp, 6);
        TrainingViewModel first = small(Project.open(folder));
        first.epochsProperty().set(3);
        first.start();
        waitFor(() -> first.validationIous().size() >= 1);
        first.close();
        try (Project p = Project.open(folder)) {
            TrainingRun run = p.trainingRuns().list().get(0);
            assertEquals(TrainingStatus.RUNNING, run.status(), "closing is not cancelling");
            assertTrue(p.models().list().isEmpty());
        }

        TrainingViewModel second = small(Project.open(folder));
        try {
            waitFor(() -> !second.runningProperty().get() && second.messageProperty().get().startsWith("Finished"));
            assertTrue(second.losses().get(0).x() > 1, "resumed after the first epoch, not from step 1");
            assertEquals(6, second.losses().get(second.losses().size() - 1).x());
        } finally {
            second.close();
        }
        try (Project p = Project.open(folder)) {
            assertEquals(TrainingStatus.COMPLETED, p.trainingRuns().list().get(0).status());
            assertEquals(1, p.models().list().size());
        }
    }
}
