package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace logic on a real project file, with the current-thread executor and no FX thread. */
class WorkspaceViewModelTest {
    @TempDir
    Path dir;
    private WorkspaceViewModel vm;
    private Path project;

    @BeforeEach
    void open() {
        project = DemoProject.install(dir.resolve("demo"));
        vm = new WorkspaceViewModel(new CurrentThreadTaskExecutor());
        vm.open(StorageProjectStore.open(project), null);
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private QueueEntry firstUnsettled() {
        return vm.queue().visible().stream().filter(e -> !e.status().isSettled()).findFirst().orElseThrow();
    }

    private ImageStatus status(long id) {
        return vm.queue().entries().stream().filter(e -> e.imageId() == id).findFirst().orElseThrow().status();
    }

    @Test
    void switchingProjectsLeavesNothingOfThePreviousOne() throws Exception {
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.classes().classes().addListener(
                (javafx.collections.ListChangeListener<ProjectStore.ClassInfo>) c -> seen.add("change"));
        System.gc();
        QueueEntry painted = firstUnsettled();
        vm.editor().select(painted);
        vm.canvas().beginStroke(50, 50);
        vm.canvas().endStroke();

        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        vm.open(StorageProjectStore.create(empty, "empty"), null);
        assertEquals(null, vm.classes().activeProperty().get(), "no class of the previous project stays active");
        assertTrue(vm.classes().classes().isEmpty());
        assertEquals(0, vm.segmentation().totalProperty().get());
        assertFalse(seen.isEmpty(), "listeners on classes() survive garbage collection");

        // a second demo: its first class has the same id as the first demo's, and its queue loads without a click
        Path other = DemoProject.install(dir.resolve("demo2"));
        vm.open(StorageProjectStore.open(other), null);
        assertEquals(40, vm.queue().visible().size());
        assertEquals(5, vm.classes().classes().size());
        assertTrue(vm.canvas().mask().isPresent(), "the first image is on screen");
        assertEquals(0, vm.canvas().mask().get().countSet() - countStoredOrPredicted(other), "its own mask");
    }

    /** The defect pixels of what the demo shows first: its stored mask for the active class, or none. */
    private long countStoredOrPredicted(Path folder) {
        long classId = vm.classes().activeProperty().get().id();
        long imageId = vm.queue().currentProperty().get().imageId();
        try (StorageProjectStore s = StorageProjectStore.open(folder)) {
            return s.latestMask(imageId, classId).map(m -> io.defectstudio.inference.Masks.countDefect(
                    s.readMask(m.annotationId()))).orElse(0L);
        }
    }

    @Test
    void switchingClassShowsTheNewClassesMaskOnTheSameImage() {
        QueueEntry e = firstUnsettled();
        vm.editor().select(e);
        vm.canvas().beginStroke(50, 50);
        vm.canvas().strokeTo(120, 60);
        vm.canvas().endStroke();
        assertTrue(vm.canvas().mask().get().countSet() > 0);
        ProjectStore.ClassInfo other = vm.classes().classes().stream()
                .filter(c -> c.id() != vm.classes().active().id())
                .findFirst().orElseThrow();
        vm.classes().activeProperty().set(other);
        assertEquals(e.imageId(), vm.queue().currentProperty().get().imageId());
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            long expected = s.latestMask(e.imageId(), other.id()).map(m -> io.defectstudio.inference.Masks
                    .countDefect(s.readMask(m.annotationId()))).orElse(0L);
            assertEquals(expected, vm.canvas().mask().get().countSet(), "not the previous class's stroke");
        }
    }

    /**
     * The sensitivity re-cuts a prediction on screen, and leaves it alone once it is accepted: an accepted mask is a
     * label, even while it stays on screen (the last image to decide).
     */
    @Test
    void theSensitivityReCutsAPredictionButNotAnAcceptedMask() {
        QueueEntry e = firstUnsettled();
        long classId = vm.classes().activeProperty().get().id();
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            java.awt.image.BufferedImage image = s.readImage(e.imageId());
            int w = image.getWidth();
            int h = image.getHeight();
            float[] p = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    p[y * w + x] = (float) x / w;
                }
            }
            io.defectstudio.inference.ProbabilityMap map = io.defectstudio.inference.ProbabilityMap.quantise(p, w, h,
                    w, h);
            s.savePrediction(e.imageId(), classId, "test", new SegmentationPort.Result(map.mask(0.5), map, 0.7, 5));
        }
        vm.reloadQueue();
        vm.queue().nameFilterProperty().set(e.name());
        vm.editor().select(vm.queue().visible().get(0));
        long atModel = vm.canvas().mask().orElseThrow().countSet();
        vm.sensitivity().thresholdProperty().set(0.3);
        long moreSensitive = vm.canvas().mask().orElseThrow().countSet();
        assertTrue(moreSensitive > atModel, moreSensitive + " pixels at 0.3, " + atModel + " at the model's 0.5");

        vm.decisions().accept();
        assertEquals(ImageStatus.ACCEPTED, status(e.imageId()));
        assertEquals(e.imageId(), vm.queue().currentProperty().get().imageId(), "the only visible image stays");
        vm.sensitivity().thresholdProperty().set(0.8);
        assertEquals(moreSensitive, vm.canvas().mask().orElseThrow().countSet(), "the accepted mask is not re-cut");
    }

    @Test
    void aPredictionWithoutADefectReadsNoDefectNotPredicted() {
        QueueEntry e = firstUnsettled();
        long classId = vm.classes().activeProperty().get().id();
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            java.awt.image.BufferedImage image = s.readImage(e.imageId());
            s.savePrediction(e.imageId(), classId, "test", new SegmentationPort.Result(new java.awt.image.BufferedImage(
                    image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY), null, 0.99, 5));
        }
        vm.reloadQueue();
        assertEquals(ImageStatus.PREDICTED_CLEAN, status(e.imageId()));
        assertEquals("No defect", ImageStatus.PREDICTED_CLEAN.label());
        assertFalse(ImageStatus.PREDICTED_CLEAN.isSettled(), "still the inspector's to decide");
    }

    @Test
    void noDefectClearsTheMaskStoresItAsTheLabelAndMovesOn() {
        QueueEntry e = firstUnsettled();
        vm.editor().select(e);
        vm.canvas().beginStroke(50, 50);
        vm.canvas().strokeTo(120, 60);
        vm.canvas().endStroke();
        vm.decisions().markNoDefect();
        long classId = vm.classes().activeProperty().get().id();
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            ProjectStore.StoredMask m = s.latestMask(e.imageId(), classId).orElseThrow();
            assertEquals(ProjectStore.MaskKind.CORRECTION, m.kind(), "something was painted, so it is a correction");
            assertEquals(0, io.defectstudio.inference.Masks.countDefect(s.readMask(m.annotationId())));
            assertEquals(ProjectStore.Decision.ACCEPTED, s.latestDecision(e.imageId(), classId).orElseThrow());
        }
        assertEquals(ImageStatus.CORRECTED, status(e.imageId()));
        assertTrue(vm.queue().currentProperty().get().imageId() != e.imageId(), "the next image comes");
    }

    @Test
    void demoOpensWithItsClassesAndTwoSupportsForTheActiveClass() {
        assertEquals(5, vm.classes().classes().size());
        assertEquals(40, vm.queue().entries().size());
        assertEquals(2, vm.queue().entries().stream().filter(e -> e.status() == ImageStatus.SUPPORT).count());
        assertTrue(vm.canvas().mask().isPresent(), "the first image is on the canvas");
    }

    @Test
    void aStrokeIsStoredAsACorrectionAndUndoingEveryEditLeavesTheImageAsItWas() {
        QueueEntry e = firstUnsettled();
        ImageStatus before = e.status();
        vm.editor().select(e);
        vm.canvas().beginStroke(50, 50);
        vm.canvas().strokeTo(120, 60);
        vm.canvas().endStroke();
        assertEquals(ImageStatus.CORRECTED, status(e.imageId()));
        long classId = vm.classes().activeProperty().get().id();
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            ProjectStore.StoredMask m = s.latestMask(e.imageId(), classId).orElseThrow();
            assertEquals(ProjectStore.MaskKind.CORRECTION, m.kind());
            assertEquals(255, s.readMask(m.annotationId()).getRaster().getSample(80, 55, 0));
        }
        vm.canvas().beginStroke(40, 120);
        vm.canvas().strokeTo(60, 125);
        vm.canvas().endStroke();
        vm.canvas().undo();
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            ProjectStore.StoredMask m = s.latestMask(e.imageId(), classId).orElseThrow();
            assertEquals(3, m.version(), "an undo short of the start is stored like any edit");
            assertEquals(255, s.readMask(m.annotationId()).getRaster().getSample(80, 55, 0));
            assertEquals(0, s.readMask(m.annotationId()).getRaster().getSample(50, 122, 0));
        }
        assertEquals(ImageStatus.CORRECTED, status(e.imageId()));
        vm.canvas().undo();
        assertEquals(before, status(e.imageId()), "back to what it was, not corrected");
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            assertTrue(s.latestMask(e.imageId(), classId).isEmpty(), "no correction is left in the database");
        }
        vm.canvas().redo();
        assertEquals(ImageStatus.CORRECTED, status(e.imageId()));
        try (StorageProjectStore s = StorageProjectStore.open(project)) {
            assertEquals(1, s.latestMask(e.imageId(), classId).orElseThrow().version());
        }
    }

    @Test
    void acceptMovesOnAndIsRememberedAsAcceptedNotCorrected() {
        QueueEntry e = firstUnsettled();
        vm.editor().select(e);
        vm.decisions().accept();
        assertEquals(ImageStatus.ACCEPTED, status(e.imageId()));
        assertTrue(vm.queue().currentProperty().get().imageId() != e.imageId(), "moved to the next image");
        vm.reloadQueue();
        assertEquals(ImageStatus.ACCEPTED, status(e.imageId()));
    }

    @Test
    void supportToggleAndFlag() {
        QueueEntry e = firstUnsettled();
        vm.editor().select(e);
        vm.decisions().toggleSupport();
        assertEquals(ImageStatus.SUPPORT, status(e.imageId()));
        vm.decisions().toggleSupport();
        assertEquals(ImageStatus.CORRECTED, status(e.imageId()));
        QueueEntry f = firstUnsettled();
        vm.editor().select(f);
        vm.decisions().flag();
        assertEquals(ImageStatus.FLAGGED, status(f.imageId()));
        assertTrue(vm.queue().currentProperty().get().imageId() != f.imageId(), "F moves on, as A does");
        vm.reloadQueue();
        assertEquals(ImageStatus.FLAGGED, status(f.imageId()));
    }

    @Test
    void statusFilterAndClassSwitch() {
        vm.queue().statusFilterProperty().set(ImageStatus.SUPPORT);
        assertEquals(2, vm.queue().visible().size());
        vm.queue().statusFilterProperty().set(null);
        vm.queue().orderProperty().set(QueueOrder.NAME);
        assertEquals(40, vm.queue().visible().size());
        var second = vm.classes().classes().get(1);
        vm.classes().activeProperty().set(second);
        assertEquals(2, vm.queue().entries().stream().filter(x -> x.status() == ImageStatus.SUPPORT).count());
        vm.queue().classFilterProperty().set(second);
        assertEquals(2, vm.queue().visible().size(), "only the images holding a mask of that class");
    }

    @Test
    void importReportsBadFilesAndKeepsTheRest() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(project.resolve("source").resolve(DemoProject.index().get(0).image()), folder.resolve("dup.jpg"));
        Files.writeString(folder.resolve("readme.txt"), "text");
        Files.write(folder.resolve("cut.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        vm.folderImport().run(folder);
        ImportReport r = vm.folderImport().lastReportProperty().get();
        assertEquals(0, r.imported());
        assertEquals(1, r.duplicates());
        assertEquals(2, r.skipped().size());
        assertEquals(40, vm.queue().entries().size());
        assertFalse(vm.folderImport().busyProperty().get());
    }
}
