package io.defectstudio.storage;

import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.changes.PostgresChangeFeed;
import io.defectstudio.storage.changes.ProjectChange;
import io.defectstudio.storage.claims.ImageClaim;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Migrator;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared projects on a real PostgreSQL server: several stations, roles, live updates and a server restart. */
@Tag("postgres")
class SharedProjectTest {
    private static final PostgresServer SERVER = PostgresServer.shared();

    @TempDir
    Path temp;

    @Test
    void secondStationOpensTheFolderAndSeesWhatTheFirstSaved() throws Exception {
        String url = SERVER.newDatabase();
        try (ProjectFixture first = fixture(url)) {
            Annotation saved = first.project().annotations().save(first.image().id(), first.defectClass().id(),
                    AnnotationKind.SUPPORT, "anna", TestImages.mask(24, 16, 1));
            try (Project second = Project.open(first.project().folder())) {
                assertTrue(second.isShared());
                assertEquals("line 3", second.name());
                assertEquals(new Migrator("io/defectstudio/storage/db/sqlite").latestVersion(),
                        second.schemaVersion(), "both backends are at the same schema version");
                assertEquals(saved, second.annotations().latest(first.image().id(), first.defectClass().id())
                        .orElseThrow());
                assertEquals(first.image(), second.images().get(first.image().id()));
            }
            String pointer = Files.readString(SharedProjectFile.in(first.project().folder()));
            assertTrue(pointer.contains(PostgresServer.databaseOf(url)), pointer);
            assertFalse(pointer.toLowerCase().contains("password="), pointer);
        }
    }

    @Test
    void aStationTalksToTheServerOverTlsWhenTheServerOffersIt() throws Exception {
        try (ProjectFixture fx = fixture(SERVER.newDatabase())) {
            boolean encrypted = fx.project().database().read("check the connection", c -> Jdbc.one(c,
                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", rs -> rs.getBoolean(1))).orElseThrow();
            assertTrue(encrypted, "the connection is not encrypted");
        }
    }

    @Test
    void passwordInTheUrlIsRefusedAndNothingIsCreated() {
        Path folder = temp.resolve("p");
        String url = SERVER.newDatabase() + "&password=secret";
        assertThrows(IllegalArgumentException.class,
                () -> Project.createShared(folder, url, "x", ProjectOptions.defaults()));
        assertFalse(Files.exists(SharedProjectFile.in(folder)));
    }

    @Test
    void aDatabaseThatHoldsAProjectIsNotCreatedOver() {
        String url = SERVER.newDatabase();
        Project.createShared(temp.resolve("a"), url, "first", ProjectOptions.defaults()).close();
        ProjectFolderException e = assertThrows(ProjectFolderException.class,
                () -> Project.createShared(temp.resolve("b"), url, "second", ProjectOptions.defaults()));
        assertTrue(e.getMessage().contains("first"), e.getMessage());
        assertFalse(Files.exists(SharedProjectFile.in(temp.resolve("b"))));
        try (Project kept = Project.open(temp.resolve("a"))) {
            assertEquals("first", kept.name());
        }
    }

    @Test
    void anotherApplicationsDatabaseAndANewerSchemaAreRefusedUntouched() {
        String foreign = SERVER.newDatabase();
        SERVER.sql(PostgresServer.databaseOf(foreign), "CREATE TABLE invoices (id INT)");
        assertThrows(ForeignDatabaseException.class,
                () -> Project.createShared(temp.resolve("f"), foreign, "x", ProjectOptions.defaults()));

        String url = SERVER.newDatabase();
        Project.createShared(temp.resolve("n"), url, "newer", ProjectOptions.defaults()).close();
        SERVER.sql(PostgresServer.databaseOf(url), "UPDATE defect_studio_schema SET version = 99");
        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> Project.open(temp.resolve("n")));
        assertEquals(99, e.found());
    }

    @Test
    void aWrongPasswordIsATypedErrorThatNamesPgpass() {
        String url = SERVER.newDatabase();
        Project.createShared(temp.resolve("w"), url, "w", ProjectOptions.defaults()).close();
        LoginRefusedException e = assertThrows(LoginRefusedException.class, () -> Project.open(temp.resolve("w"),
                ProjectOptions.defaults().withLogin(PostgresServer.ADMIN, "wrong")));
        assertTrue(e.getMessage().contains("pgpass"), e.getMessage());
        // No password anywhere (the user has no ~/.pgpass line): the same typed error, so the app can ask for one.
        assertThrows(LoginRefusedException.class, () -> Project.open(temp.resolve("w"),
                ProjectOptions.defaults().withLogin("nobody", null)));
    }

    @Test
    void anInspectorsRoleCannotWriteASupervisorsVerdict() throws Exception {
        String url = SERVER.newDatabase();
        String database = PostgresServer.databaseOf(url);
        try (ProjectFixture fx = fixture(url)) {
            SERVER.sql(database, "DROP ROLE IF EXISTS anna_" + database, "DROP ROLE IF EXISTS sam_" + database,
                    "CREATE ROLE anna_" + database + " LOGIN PASSWORD 'a' IN ROLE defect_studio_inspector",
                    "CREATE ROLE sam_" + database + " LOGIN PASSWORD 's' IN ROLE defect_studio_supervisor",
                    "CREATE ROLE eve_" + database + " LOGIN PASSWORD 'e'");
            SERVER.addLogin("anna_" + database, "a");
            SERVER.addLogin("sam_" + database, "s");
            SERVER.addLogin("eve_" + database, "e");
            Path folder = fx.project().folder();
            long image = fx.image().id();
            long cls = fx.defectClass().id();

            try (Project anna = Project.open(folder, ProjectOptions.defaults().withLogin("anna_" + database, null))) {
                anna.reviews().record(image, cls, ReviewDecision.APPROVE, "anna", "");
                PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> anna.reviews()
                        .record(image, cls, ReviewDecision.REJECT, "anna", "", ReviewRole.SUPERVISOR));
                assertTrue(e.getMessage().contains("supervisor"), e.getMessage());
                anna.annotations().save(image, cls, AnnotationKind.CORRECTION, "anna", TestImages.mask(24, 16, 2));
            }
            try (Project sam = Project.open(folder, ProjectOptions.defaults().withLogin("sam_" + database, null))) {
                sam.reviews().record(image, cls, ReviewDecision.REJECT, "sam", "", ReviewRole.SUPERVISOR);
                assertEquals(List.of(ReviewRole.INSPECTOR, ReviewRole.SUPERVISOR),
                        sam.reviews().history(image).stream().map(r -> r.role()).toList(),
                        "the refused verdict left nothing behind");
            }
            // A role that is in neither group cannot even connect: no anonymous access.
            assertThrows(StorageException.class,
                    () -> Project.open(folder, ProjectOptions.defaults().withLogin("eve_" + database, null)));
        }
    }

    @Test
    void aStationThatWaitedTooLongForTheWriteLockIsToldAndWritesAgainAfterwards() throws Exception {
        try (ProjectFixture fx = fixture(SERVER.newDatabase());
             Project other = Project.open(fx.project().folder(),
                     ProjectOptions.defaults().withBusyTimeout(Duration.ofMillis(300)))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try {
                    fx.project().inTransaction(() -> {
                        fx.project().rename("held");
                        holding.countDown();
                        release.await(20, TimeUnit.SECONDS);
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            holder.start();
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertThrows(DatabaseLockedException.class, () -> other.rename("waited"));
            // A busy timeout of zero means "do not wait", never PostgreSQL's "lock_timeout = 0: wait for ever".
            try (Project impatient = Project.open(fx.project().folder(),
                    ProjectOptions.defaults().withBusyTimeout(Duration.ZERO))) {
                assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> assertThrows(DatabaseLockedException.class, () -> impatient.rename("now")));
            }
            release.countDown();
            holder.join(10_000);
            other.rename("after");
            assertEquals("after", fx.project().name());
        }
    }

    @Test
    void aStationSeesWhatAnotherSavesWithinASecond() throws Exception {
        String url = SERVER.newDatabase();
        try (ProjectFixture fx = fixture(url);
             Project other = Project.open(fx.project().folder())) {
            BlockingQueue<ProjectChange> seen = new LinkedBlockingQueue<>();
            fx.project().changes().subscribe(seen::add);
            awaitListening(fx.project());
            other.annotations().save(fx.image().id(), fx.defectClass().id(), AnnotationKind.CORRECTION, "ben",
                    TestImages.mask(24, 16, 3));
            ProjectChange change = seen.poll(1, TimeUnit.SECONDS);
            assertNotNull(change, "no change arrived within a second");
            assertEquals(new ProjectChange("annotation", Optional.of(fx.image().id()),
                    Optional.of(fx.defectClass().id()), false), change);
            // The station's own saves come back too, marked as its own.
            fx.project().reviews().record(fx.image().id(), fx.defectClass().id(), ReviewDecision.APPROVE, "anna", "");
            ProjectChange own = seen.poll(1, TimeUnit.SECONDS);
            assertNotNull(own);
            assertEquals("review", own.table());
            assertTrue(own.ours(), "marked as this station's own");
        }
    }

    @Test
    void anImageAnotherStationIsCorrectingIsHeldAndSaysWho() throws Exception {
        try (ProjectFixture fx = fixture(SERVER.newDatabase());
             Project other = Project.open(fx.project().folder())) {
            long image = fx.image().id();
            long cls = fx.defectClass().id();
            assertEquals(Optional.empty(), fx.project().claims().claim(image, cls, "station-1"));
            ImageClaim held = other.claims().claim(image, cls, "station-2").orElseThrow();
            assertEquals("station-1", held.station());
            assertEquals(List.of(held), other.claims().heldByOthers("station-2"));
            fx.project().claims().release(image, cls, "station-1");
            assertEquals(Optional.empty(), other.claims().claim(image, cls, "station-2"));
            assertEquals(List.of(), other.claims().heldByOthers("station-1").stream()
                    .filter(c -> !c.station().equals("station-2")).toList());
        }
    }

    @Test
    void aServerRestartMidSessionLosesNothingAndTheStationCarriesOn() throws Exception {
        try (ProjectFixture fx = fixture(SERVER.newDatabase())) {
            Project project = fx.project();
            long image = fx.image().id();
            long cls = fx.defectClass().id();
            BlockingQueue<ProjectChange> seen = new LinkedBlockingQueue<>();
            project.changes().subscribe(seen::add);
            for (int i = 0; i < 3; i++) {
                project.annotations().save(image, cls, AnnotationKind.CORRECTION, "anna", TestImages.mask(24, 16, i));
            }
            SERVER.stop();
            try {
                StorageIoException down = assertThrows(StorageIoException.class, () -> project.annotations()
                        .save(image, cls, AnnotationKind.CORRECTION, "anna", TestImages.mask(24, 16, 9)));
                assertTrue(down.getMessage().contains("cannot reach the server"), down.getMessage());
            } finally {
                SERVER.start();
            }
            Annotation after = project.annotations().save(image, cls, AnnotationKind.CORRECTION, "anna",
                    TestImages.mask(24, 16, 4));
            assertEquals(4, after.version(), "the three saved before the restart are kept, the refused one is not");
            assertEquals(IntStream.rangeClosed(1, 4).boxed().toList(),
                    project.annotations().history(image, cls).stream().map(Annotation::version).toList());
            awaitListening(project);
            seen.clear();
            try (Project other = Project.open(project.folder())) {
                other.reviews().record(image, cls, ReviewDecision.APPROVE, "ben", "");
            }
            ProjectChange change = seen.poll(2, TimeUnit.SECONDS);
            assertNotNull(change, "the change feed did not reconnect");
            assertEquals("review", change.table());
        }
    }

    @Test
    void aFullImagesFolderFailsTheImportClearlyAndKeepsEverythingSaved() throws Exception {
        Path mount = Files.createDirectories(temp.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.toString()) == 0,
                "needs root to mount a small file system");
        try {
            Path folder = mount.resolve("line");
            try (Project project = Project.createShared(folder, SERVER.newDatabase(), "full",
                    ProjectOptions.defaults())) {
                List<Long> imported = new ArrayList<>();
                StorageIoException full = null;
                for (int i = 0; i < 40 && full == null; i++) {
                    Path file = TestImages.write(temp.resolve("noise-" + i + ".png"), noise(160, 160, i), "png");
                    try {
                        imported.add(project.images().importFile(file).image().id());
                    } catch (StorageIoException e) {
                        full = e;
                    }
                }
                assertNotNull(full, "the small disk never filled");
                assertTrue(full.getMessage().contains("image store"), full.getMessage());
                assertFalse(imported.isEmpty());
                assertEquals(imported.size(), project.images().list().size(), "no record without its file");
                for (long id : imported) {
                    assertEquals(160, project.images().read(id).getWidth());
                }
            }
            try (Project reopened = Project.open(folder)) {
                assertEquals("full", reopened.name());
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    /** Incompressible, so each file takes its full size on the small disk. */
    private static BufferedImage noise(int width, int height, long seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private ProjectFixture fixture(String url) throws Exception {
        Path folder = temp.resolve("line-" + System.nanoTime());
        Project project = Project.createShared(folder.resolve("project"), url, "line 3", ProjectOptions.defaults());
        var scratch = project.classes().create("scratch", "#ff0000", "");
        Path file = TestImages.write(folder.resolve("tile.png"), TestImages.grey16(24, 16), "png");
        return new ProjectFixture(project, scratch, project.images().importFile(file).image());
    }

    private static void awaitListening(Project project) throws InterruptedException {
        var feed = (PostgresChangeFeed) project.changes();
        for (int i = 0; i < 100 && !feed.listening(); i++) {
            Thread.sleep(50);
        }
        assertTrue(feed.listening(), "the change feed is not listening");
    }
}
