package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.gui.TestModelsAccess;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSegmenterTest {

    @Test
    void aLockedDatabaseStopsTheRunAtTheFirstTimeOut(@TempDir Path dir) throws Exception {
        Path project = DemoProject.install(dir.resolve("demo"));
        Path bundle = TestModelsAccess.bundle(dir.resolve("models"));
        try (StorageProjectStore store = new StorageProjectStore(Project.open(project,
                        ProjectOptions.defaults().withBusyTimeout(Duration.ofMillis(300))));
                SegmentationPort engine = Engines.open(bundle);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + project.resolve(Project.DATABASE_FILE));
                Statement lock = other.createStatement()) {
            long classId = store.classes().get(0).id();
            lock.execute("BEGIN IMMEDIATE");
            AtomicInteger stored = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new HeadlessSegmentationLoop(store, engine).run(classId,
                            (n, total, r) -> stored.incrementAndGet()));
            assertTrue(e.getMessage().startsWith("stopped: ") && e.getMessage().contains("locked"), e.getMessage());
            assertTrue(e.getMessage().contains("0 of "), e.getMessage());
            assertEquals(0, stored.get());
            lock.execute("ROLLBACK");
        }
    }
}
