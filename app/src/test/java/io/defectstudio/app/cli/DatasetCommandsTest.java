package io.defectstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.storage.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void exportThenImportIntoANewProjectKeepsEveryMaskAndRepeatsByteForByte(@TempDir Path dir) throws Exception {
        Path demo = DemoProject.install(dir.resolve("demo"));
        CliRun first = CliRun.of("export", "--project", demo.toString(), "--out", dir.resolve("a").toString(),
                "--format", "png-masks");
        assertEquals(0, first.code(), first.err());
        CliRun second = CliRun.of("export", "--project", demo.toString(), "--out", dir.resolve("b").toString(),
                "--format", "png-masks");
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/manifest.json")),
                Files.readAllBytes(dir.resolve("b/manifest.json")));

        long exported;
        try (Project p = Project.open(demo)) {
            exported = p.annotations().count();
        }
        assertTrue(first.out().contains("Exported " + exported + " item(s)"), first.out());

        Path copy = dir.resolve("copy");
        CliRun imported = CliRun.of("import", "--project", copy.toString(), "--create", "copy", "--source",
                dir.resolve("a").toString(), "--author", "data-team");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported " + exported + " entr"), imported.out());
        try (Project p = Project.open(copy)) {
            assertEquals(exported, p.annotations().count());
            assertEquals("copy", p.name(), "--create made the project");
        }
    }

    @Test
    void importReportsATruncatedImageAndStoresTheRest(@TempDir Path dir) throws Exception {
        Path demo = DemoProject.install(dir.resolve("demo"));
        Path export = dir.resolve("export");
        assertEquals(0, CliRun.of("export", "--project", demo.toString(), "--out", export.toString(),
                "--format", "png-masks").code());
        Path victim;
        try (Stream<Path> s = Files.walk(export.resolve("images"))) {
            victim = s.filter(f -> f.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        Files.write(victim, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Files.delete(export.resolve("SHA256SUMS"));
        Files.delete(export.resolve("manifest.json"));

        Path copy = dir.resolve("copy");
        Project.create(copy, "copy").close();
        CliRun r = CliRun.of("import", "--project", copy.toString(), "--source", export.toString(), "--format",
                "png-masks");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("skipped 1") && r.out().contains(victim.getFileName().toString()), r.out());
        long masks = files(export.resolve("masks"));
        try (Project p = Project.open(copy)) {
            assertEquals(masks - 1, p.annotations().count());
        }
    }

    @Test
    void unknownFormatAndMissingProjectAreBadInput(@TempDir Path dir) {
        Path demo = DemoProject.install(dir.resolve("demo"));
        CliRun format = CliRun.of("export", "--project", demo.toString(), "--out", dir.resolve("x").toString(),
                "--format", "cityscapes");
        assertEquals(DefectStudioCli.BAD_INPUT, format.code());
        assertTrue(format.err().contains("unknown export format 'cityscapes'"), format.err());
        CliRun missing = CliRun.of("import", "--project", dir.resolve("none").toString(), "--source", dir.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("cannot open project"), missing.err());
    }
}
