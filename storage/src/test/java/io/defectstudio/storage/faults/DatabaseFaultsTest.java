package io.defectstudio.storage.faults;

import io.defectstudio.storage.DatabaseLockedException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectFixture;
import io.defectstudio.storage.ProjectFolderException;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.ReadOnlyProjectException;
import io.defectstudio.storage.StorageIoException;
import io.defectstudio.storage.TestImages;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.SqliteDialect;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("sqlite")
class DatabaseFaultsTest {
    private static final Duration SHORT = Duration.ofMillis(400);

    @TempDir
    Path temp;

    @Test
    void writeWaitsForALockHeldByAnotherConnectionThenNamesTheFile() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16, ProjectOptions.defaults().withBusyTimeout(SHORT));
        try (Project project = fx.project()) {
            Annotation before = project.annotations().save(fx.image().id(), fx.defectClass().id(),
                    AnnotationKind.SUPPORT, "anna", TestImages.mask(16, 16, 1));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + project.databaseFile());
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");

                long start = System.nanoTime();
                DatabaseLockedException e = assertThrows(DatabaseLockedException.class, () ->
                        project.annotations().save(fx.image().id(), fx.defectClass().id(),
                                AnnotationKind.CORRECTION, "ben", TestImages.mask(16, 16, 2)));
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;

                assertTrue(waitedMillis >= SHORT.toMillis() - 50, "gave up after only " + waitedMillis + " ms");
                assertEquals(project.databaseFile(), e.database());
                assertTrue(e.getMessage().contains(project.databaseFile().toString()), e.getMessage());
                // Reads still work while another process writes (WAL).
                assertEquals(List.of(before), project.annotations().history(fx.image().id(), fx.defectClass().id()));
                s.execute("ROLLBACK");
            }
            Annotation after = project.annotations().save(fx.image().id(), fx.defectClass().id(),
                    AnnotationKind.CORRECTION, "ben", TestImages.mask(16, 16, 2));
            assertEquals(2, after.version());
        }
    }

    @Test
    void writeWaitsForALockHeldByAnotherProcessThenNamesTheFile() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16, ProjectOptions.defaults().withBusyTimeout(SHORT));
        Path dbFile = fx.project().databaseFile();
        Process holder = ChildJvm.start(LockHolderChild.class, dbFile.toString());
        try (Project project = fx.project();
             BufferedReader out = new BufferedReader(
                     new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("LOCKED", out.readLine());

            DatabaseLockedException e = assertThrows(DatabaseLockedException.class,
                    () -> project.classes().create("pit", "#00ff00", ""));
            assertTrue(e.getMessage().contains(dbFile.toString()), e.getMessage());

            release(holder);
            assertEquals("pit", project.classes().create("pit", "#00ff00", "").name());
            assertEquals(2, project.classes().list().size());
            assertEquals("", project.description());
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void openingWhileAnotherProcessHoldsTheLockStillReads() throws Exception {
        Path folder = temp.resolve("p");
        Project.create(folder, "shared").close();
        Process holder = ChildJvm.start(LockHolderChild.class, folder.resolve(Project.DATABASE_FILE).toString());
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("LOCKED", out.readLine());
            try (Project project = Project.open(folder, ProjectOptions.defaults().withBusyTimeout(SHORT))) {
                assertEquals("shared", project.name());
                assertThrows(DatabaseLockedException.class, () -> project.rename("renamed"));
            }
            release(holder);
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void readOnlyProjectFolderIsRefusedAndNothingIsLost() throws Exception {
        ProjectFixture fx = ProjectFixture.create(temp, 16, 16);
        Path folder = fx.project().folder();
        fx.project().annotations().save(fx.image().id(), fx.defectClass().id(), AnnotationKind.SUPPORT, "anna",
                TestImages.mask(16, 16, 3));
        fx.project().close();
        var writable = Files.getPosixFilePermissions(folder);

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ReadOnlyProjectException e = assertThrows(ReadOnlyProjectException.class, () -> Project.open(folder));
            assertEquals(folder, e.path());
            assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("read-only"),
                    e.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, writable);
        }

        try (Project reopened = Project.open(folder)) {
            assertEquals(1, reopened.annotations().history(fx.image().id(), fx.defectClass().id()).size());
            assertEquals(List.of(), reopened.integrityProblems());
        }
    }

    @Test
    void readOnlyDatabaseFileIsRefusedByName() throws Exception {
        Path folder = temp.resolve("p");
        Project.create(folder, "ro").close();
        Path dbFile = folder.resolve(Project.DATABASE_FILE);
        Files.setPosixFilePermissions(dbFile, PosixFilePermissions.fromString("r--r--r--"));
        try {
            ReadOnlyProjectException e = assertThrows(ReadOnlyProjectException.class, () -> Project.open(folder));
            assertEquals(dbFile, e.path());
        } finally {
            Files.setPosixFilePermissions(dbFile, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (Project reopened = Project.open(folder)) {
            assertEquals("ro", reopened.name());
        }
    }

    @Test
    void creatingAProjectInsideAReadOnlyFolderIsRefused() throws Exception {
        Path parent = Files.createDirectory(temp.resolve("locked-parent"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(ReadOnlyProjectException.class, () -> Project.create(parent, "nope"));
            assertTrue(Files.notExists(parent.resolve(Project.DATABASE_FILE)));
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writeThroughAReadOnlyConnectionIsATypedError() {
        Path folder = temp.resolve("p");
        Project.create(folder, "ro").close();
        Path dbFile = folder.resolve(Project.DATABASE_FILE);
        try (Database db = new Database(new SqliteDialect(dbFile, SHORT))) {
            ReadOnlyProjectException e = assertThrows(ReadOnlyProjectException.class, () -> db.read("sneak a write",
                    c -> Jdbc.update(c, "UPDATE project SET name = 'changed'")));
            assertEquals(dbFile, e.path());
        }
    }

    @Test
    void fileThatIsNotADatabaseIsATypedErrorAndIsLeftAlone() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("p"));
        byte[] junk = "this is not a SQLite database, but it is somebody's file".repeat(100).getBytes();
        Path dbFile = Files.write(folder.resolve(Project.DATABASE_FILE), junk);

        StorageIoException e = assertThrows(StorageIoException.class, () -> Project.open(folder));

        assertTrue(e.getMessage().contains(dbFile.toString()) && e.getMessage().contains("not a SQLite database"),
                e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(dbFile));
    }

    @Test
    void openAndCreateCheckWhatTheFolderHolds() {
        Path folder = temp.resolve("p");
        assertThrows(ProjectFolderException.class, () -> Project.open(folder));
        Project.create(folder, "one").close();
        assertThrows(ProjectFolderException.class, () -> Project.create(folder, "two"));
        try (Project project = Project.open(folder)) {
            assertEquals("one", project.name());
        }
    }

    private static void release(Process holder) throws IOException, InterruptedException {
        OutputStream in = holder.getOutputStream();
        in.write("release\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertTrue(holder.waitFor(20, TimeUnit.SECONDS), "lock holder did not exit");
        assertEquals(0, holder.exitValue());
    }
}
