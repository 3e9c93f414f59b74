package io.defectstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.classes.DefectClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
    @TempDir
    static Path models;
    static EngineFactory engines;

    @BeforeAll
    static void model() throws Exception {
        Path bundle = io.defectstudio.app.gui.TestModelsAccess.bundle(models);
        engines = (project, detail, onProblem) -> Optional.of(Engines.open(bundle, detail));
    }


    @Test
    void rootListsTheSegmentSubcommand() {
        CliRun r = CliRun.with(engines, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("segment"), r.out());
    }

    @Test
    void segmentStoresPredictionsAndWritesMaskPngs(@TempDir Path dir) throws Exception {
        Path project = DemoProject.install(dir.resolve("demo"));
        Path out = dir.resolve("masks");
        CliRun r = CliRun.with(engines, "segment", "--project", project.toString(), "--class", "Crack", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Crack: 2 support image(s)"), r.out());
        assertTrue(r.out().contains("[38/38]"), r.out());
        try (Project p = Project.open(project)) {
            DefectClass crack = p.classes().findByName("Crack").orElseThrow();
            long stored = p.images().list().stream()
                    .filter(i -> p.predictions().latest(i.id(), crack.id()).isPresent()).count();
            assertEquals(38, stored);
            DefectClass fray = p.classes().findByName("Fray").orElseThrow();
            assertTrue(p.images().list().stream().noneMatch(i -> p.predictions().latest(i.id(),
                    fray.id()).isPresent()));
        }
        try (Stream<Path> files = Files.list(out.resolve("Crack"))) {
            assertEquals(38, files.filter(f -> f.toString().endsWith(".png")).count());
        }
    }

    @Test
    void aSharedProjectOnPostgresIsSegmentedAndExportedTheSameWay(@TempDir Path dir) throws Exception {
        Path demo = DemoProject.install(dir.resolve("demo"));
        Path shared = dir.resolve("shared");
        CliRun copy = CliRun.with(engines, "project", "copy", "--from", demo.toString(), "--to", shared.toString(),
                "--postgres", PostgresServer.shared().newDatabase());
        assertEquals(0, copy.code(), copy.err());
        CliRun r = CliRun.with(engines, "segment", "--project", shared.toString(), "--class", "Crack");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[38/38]"), r.out());
        try (Project p = Project.open(shared)) {
            assertTrue(p.isShared());
            DefectClass crack = p.classes().findByName("Crack").orElseThrow();
            assertEquals(38, p.images().list().stream()
                    .filter(i -> p.predictions().latest(i.id(), crack.id()).isPresent()).count());
        }
        CliRun export = CliRun.with(engines, "export", "--project", shared.toString(), "--out",
                dir.resolve("out").toString(),
                "--format", "png-masks");
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.exists(dir.resolve("out/manifest.json")));
    }

    @Test
    void detailSetsTheWorkingScaleAndAnImpossibleOneIsABadInput(@TempDir Path dir) throws Exception {
        Path project = DemoProject.install(dir.resolve("demo"));
        CliRun bad = CliRun.with(engines, "segment", "--project", project.toString(), "--detail", "9");
        assertEquals(DefectStudioCli.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("detail must be"), bad.err());
        CliRun r = CliRun.with(engines, "segment", "--project", project.toString(), "--class", "Crack", "--detail",
                "400");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("detail 400"), r.out());
        assertTrue(r.out().contains("[38/38]"), r.out());
    }

    @Test
    void unknownClassIsABadInputWithTheKnownNames(@TempDir Path dir) {
        Path project = DemoProject.install(dir.resolve("demo"));
        CliRun r = CliRun.with(engines, "segment", "--project", project.toString(), "--class", "Rust");
        assertEquals(DefectStudioCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no class named 'Rust'") && r.err().contains("Crack"), r.err());
    }

    @Test
    void missingProjectIsABadInput(@TempDir Path dir) {
        CliRun r = CliRun.with(engines, "segment", "--project", dir.resolve("nothing").toString());
        assertEquals(DefectStudioCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("cannot open project"), r.err());
    }
}
