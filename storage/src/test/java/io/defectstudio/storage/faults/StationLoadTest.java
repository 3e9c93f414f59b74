package io.defectstudio.storage.faults;

import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four station processes save into one shared project while one of them is killed with SIGKILL and the server is
 * restarted (a slow shutdown checkpoint late in the suite may take seconds; the stations wait it out), and then are
 * stopped: every acknowledged save survives, versions stay contiguous, and the others carry on after the
 * restart.
 */
@Tag("postgres")
class StationLoadTest {
    static final int IMAGES = 6;
    static final int SIZE = 48;

    @TempDir
    Path temp;

    @Test
    void aKilledStationAndAServerRestartMidLoadLoseNothing() throws Exception {
        PostgresServer server = PostgresServer.shared();
        Path folder = temp.resolve("line");
        long classId;
        long firstImage;
        try (Project project = Project.createShared(folder, server.newDatabase(), "load", ProjectOptions.defaults())) {
            classId = project.classes().create("scratch", "#ff0000", "").id();
            firstImage = importImages(project, temp, IMAGES, SIZE);
        }
        AtomicInteger afterRestart = new AtomicInteger();
        StationLoad.Result result = StationLoad.run(folder, classId, firstImage, IMAGES, SIZE, 4,
                Duration.ofSeconds(90), (stations, acknowledged) -> {
                    Thread.sleep(1000);
                    Process victim = stations.get(0);
                    victim.destroyForcibly();
                    assertTrue(victim.waitFor(20, TimeUnit.SECONDS));
                    assertEquals(137, victim.exitValue(), "killed by SIGKILL");
                    server.stop();
                    Thread.sleep(500);
                    server.start();
                    int before = acknowledged.getAsInt();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (acknowledged.getAsInt() == before && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    afterRestart.set(acknowledged.getAsInt() - before);
                    // Seen enough: the others stop now rather than at the end of their long time.
                    stations.forEach(Process::destroy);
                    return 1;
                });
        assertFalse(result.annotations().isEmpty());
        assertTrue(afterRestart.get() > 0, "the stations did not carry on after the restart; their failures: "
                + result.failures().stream().distinct().limit(5).toList());
        try (Project project = Project.open(folder)) {
            StationLoad.assertNothingLost(project, classId, firstImage, IMAGES, result);
        }
    }

    /** Imports {@code count} distinct images and returns the first one's id (ids are consecutive). */
    static long importImages(Project project, Path temp, int count, int size) throws Exception {
        long first = -1;
        for (int i = 0; i < count; i++) {
            Path file = TestImages.write(temp.resolve("tile-" + i + ".png"), TestImages.mask(size, size, 1000 + i),
                    "png");
            long id = project.images().importFile(file).image().id();
            first = first < 0 ? id : first;
            assertEquals(first + i, id);
        }
        return first;
    }
}
