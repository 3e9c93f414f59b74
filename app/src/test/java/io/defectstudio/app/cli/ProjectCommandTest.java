package io.defectstudio.app.cli;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectCommandTest {

    @Test
    void createMakesAnEmptyProjectAndRefusesAFolderThatHoldsOne(@TempDir Path dir) {
        Path folder = dir.resolve("line3");
        CliRun created = CliRun.of("project", "create", "--images", folder.toString(), "--name", "Line 3");
        assertEquals(0, created.code(), created.err());
        try (Project p = Project.open(folder)) {
            assertEquals("Line 3", p.name());
            assertFalse(p.isShared());
        }
        CliRun again = CliRun.of("project", "create", "--images", folder.toString(), "--name", "Other");
        assertEquals(DefectStudioCli.BAD_INPUT, again.code());
        assertTrue(again.err().contains("already holds a project"), again.err());
    }

    @Test
    void theDemoGoesToPostgresAndBackWithTheSameCountsAndChecksums(@TempDir Path dir) throws Exception {
        Path demo = DemoProject.install(dir.resolve("demo"));
        String url = PostgresServer.shared().newDatabase();
        CliRun toShared = CliRun.of("project", "copy", "--from", demo.toString(), "--to",
                dir.resolve("shared").toString(),
                "--postgres", url);
        assertEquals(0, toShared.code(), toShared.err());
        assertTrue(toShared.out().contains("checked"), toShared.out());
        CliRun back = CliRun.of("project", "copy", "--from", dir.resolve("shared").toString(), "--to",
                dir.resolve("back").toString());
        assertEquals(0, back.code(), back.err());

        String original = tables(CliRun.of("project", "info", "--project", demo.toString(), "--checksums"));
        String shared = tables(CliRun.of("project", "info", "--project", dir.resolve("shared").toString(),
                "--checksums"));
        String returned = tables(CliRun.of("project", "info", "--project", dir.resolve("back").toString(),
                "--checksums"));
        assertTrue(original.contains("annotation"), original);
        assertEquals(original, shared);
        assertEquals(original, returned);
        try (Project p = Project.open(dir.resolve("shared")); Project source = Project.open(demo)) {
            assertTrue(p.isShared());
            assertEquals(source.name(), p.name());
        }
    }

    /** The per-table lines of {@code project info}: counts and checksums, without the folder and database. */
    private static String tables(CliRun info) {
        assertEquals(0, info.code(), info.err());
        return info.out().lines().filter(l -> l.matches("  [a-z_]+ +\\d+ .*")).reduce("", (a, b) -> a + b + "\n");
    }
}
