package io.defectstudio.storage;

import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.images.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectTransactionTest {
    @TempDir
    Path temp;

    @Test
    void failureAfterSeveralWritesLeavesNoRowsBehindAndTheProjectStaysUsable() throws IOException {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        Path newTile = TestImages.write(temp.resolve("source/new.png"), TestImages.grey8(24, 24), "png");
        try (Project project = fx.project()) {
            project.annotations().save(fx.image().id(), fx.defectClass().id(), AnnotationKind.SUPPORT, "anna",
                    TestImages.mask(16, 16, 1));
            Snapshot before = Snapshot.of(project);

            assertThrows(MaskSizeMismatchException.class, () -> project.inTransaction(() -> {
                DefectClass pit = project.classes().create("pit", "#00ff00", "");
                ImageRecord tile = project.images().importFile(newTile).image();
                project.annotations().save(tile.id(), pit.id(), AnnotationKind.IMPORTED, "qa",
                        TestImages.mask(24, 24, 2));
                project.annotations().save(fx.image().id(), fx.defectClass().id(), AnnotationKind.IMPORTED, "qa",
                        TestImages.mask(16, 16, 3));
                project.rename("renamed");
                // The fault: a mask of the wrong size, found by the database step of the last save.
                project.annotations().save(tile.id(), fx.defectClass().id(), AnnotationKind.IMPORTED, "qa",
                        TestImages.mask(16, 16, 4));
            }));

            assertEquals(before, Snapshot.of(project));
            assertEquals(List.of(), project.integrityProblems());
            // Usable afterwards: the same writes go through, and the original copied by the rolled-back import is
            // reused by its hash without being referenced twice.
            DefectClass pit = project.classes().create("pit", "#00ff00", "");
            ImportResult again = project.images().importFile(newTile);
            assertFalse(again.duplicate());
            assertTrue(Files.isRegularFile(project.images().file(again.image().id())));
            assertEquals(1, project.annotations().save(again.image().id(), pit.id(), AnnotationKind.IMPORTED, "qa",
                    TestImages.mask(24, 24, 2)).version());
            assertEquals(2, project.images().list().size());
        }
    }

    @Test
    void checkedExceptionRollsBackAndReachesTheCallerUnchanged() throws IOException {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        try (Project project = fx.project()) {
            Snapshot before = Snapshot.of(project);
            IOException fault = new IOException("source folder went away");

            IOException thrown = assertThrows(IOException.class, () -> project.inTransaction(() -> {
                project.classes().create("dent", "#0000ff", "");
                project.annotations().save(fx.image().id(), fx.defectClass().id(), AnnotationKind.SUPPORT, "anna",
                        TestImages.mask(16, 16, 1));
                throw fault;
            }));

            assertSame(fault, thrown);
            assertEquals(before, Snapshot.of(project));
        }
    }

    @Test
    void nestedRepositoryCallsAndTransactionsCommitTogether() throws IOException {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        Path newTile = TestImages.write(temp.resolve("source/new.png"), TestImages.grey8(16, 16), "png");
        try (Project project = fx.project()) {
            long imageId = fx.image().id();
            long classId = fx.defectClass().id();

            Annotation last = project.inTransaction(() -> {
                DefectClass pit = project.classes().create("pit", "#00ff00", "");
                ImageRecord tile = project.images().importFile(newTile).image();
                project.annotations().save(tile.id(), pit.id(), AnnotationKind.IMPORTED, "qa",
                        TestImages.mask(16, 16, 1));
                project.annotations().save(imageId, classId, AnnotationKind.SUPPORT, "anna",
                        TestImages.mask(16, 16, 2));
                // Reads inside see the uncommitted rows: the next version is counted from them.
                assertEquals(1, project.annotations().history(imageId, classId).size());
                return project.inTransaction(() -> project.annotations().save(imageId, classId,
                        AnnotationKind.CORRECTION, "ben", TestImages.mask(16, 16, 3)));
            });

            assertEquals(2, last.version());
            assertEquals(List.of("scratch", "pit"), project.classes().list().stream().map(DefectClass::name).toList());
            assertEquals(2, project.images().list().size());
            assertEquals(3, project.annotations().count());
            assertEquals(List.of(1, 2), project.annotations().history(imageId, classId).stream()
                    .map(Annotation::version).toList());
        }
    }

    @Test
    void failedCallCaughtInsideUndoesOnlyItsOwnPart() throws IOException {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        try (Project project = fx.project()) {
            project.inTransaction(() -> {
                project.classes().create("kept-before", "#00ff00", "");
                assertThrows(MaskSizeMismatchException.class, () -> project.annotations().save(fx.image().id(),
                        fx.defectClass().id(), AnnotationKind.SUPPORT, "anna", TestImages.mask(8, 8, 1)));
                assertThrows(IllegalStateException.class, () -> project.inTransaction(() -> {
                    project.classes().create("undone", "#0000ff", "");
                    throw new IllegalStateException("inner step gives up");
                }));
                project.classes().create("kept-after", "#ff00ff", "");
            });

            assertEquals(List.of("scratch", "kept-before", "kept-after"),
                    project.classes().list().stream().map(DefectClass::name).toList());
            assertEquals(0, project.annotations().count());
        }
    }

    @Test
    void anotherThreadsWriteWaitsForTheTransactionThenSucceeds() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        try (Project project = fx.project()) {
            AtomicReference<DefectClass> otherResult = new AtomicReference<>();
            AtomicReference<Throwable> otherFailure = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    otherResult.set(project.classes().create("from-other-thread", "#0000ff", ""));
                } catch (Throwable t) {
                    otherFailure.set(t);
                }
            }, "other-writer");

            DefectClass inside = project.inTransaction(() -> {
                DefectClass created = project.classes().create("from-transaction", "#00ff00", "");
                other.start();
                awaitBlockedOrDone(other);
                assertTrue(other.isAlive(), "the other write finished inside the transaction");
                assertEquals(null, otherResult.get());
                // A reader on another thread does not wait, and sees only committed rows.
                List<String> seenOutside = CompletableFuture.supplyAsync(() -> project.classes().list().stream()
                        .map(DefectClass::name).toList()).get(10, TimeUnit.SECONDS);
                assertEquals(List.of("scratch"), seenOutside);
                return created;
            });

            other.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(other.isAlive());
            assertEquals(null, otherFailure.get());
            assertTrue(otherResult.get().id() > inside.id(), "the waiting write ran after the commit");
            assertEquals(List.of("scratch", "from-transaction", "from-other-thread"),
                    project.classes().list().stream().map(DefectClass::name).toList());
        }
    }

    private static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.isAlive() && thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Everything a failed transaction must leave as it was. */
    private record Snapshot(String name, List<DefectClass> classes, List<ImageRecord> images, long annotations) {
        static Snapshot of(Project project) {
            return new Snapshot(project.name(), project.classes().list(), project.images().list(),
                    project.annotations().count());
        }
    }
}
