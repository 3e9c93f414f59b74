package io.defectstudio.storage.faults;

import io.defectstudio.storage.PostgresServer;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared-project load figures for docs/benchmarks.md: N = 1, 4 and 16 station processes saving corrections and
 * decisions for {@code ds.bench.seconds} (default 20) each on loopback. Not part of {@code mvn verify}; run with
 * {@code mvn -pl storage test -Dtest=StationLoadBenchmark -Dds.pg.excluded=sqlite
 * -Dsurefire.failIfNoSpecifiedTests=false} (the command in docs/benchmarks.md).
 */
@Tag("benchmark")
class StationLoadBenchmark {
    @TempDir
    Path temp;

    @Test
    void throughputAndSaveLatencyForOneFourAndSixteenStations() throws Exception {
        Duration period = Duration.ofSeconds(Long.getLong("ds.bench.seconds", 20));
        List<String> rows = new ArrayList<>();
        rows.add("| stations | saves | saves/s | p95 save ms | failed saves | every save kept |");
        rows.add("|---|---|---|---|---|---|");
        for (int stations : new int[] {1, 4, 16}) {
            Path folder = temp.resolve("line-" + stations);
            long classId;
            long firstImage;
            try (Project project = Project.createShared(folder, PostgresServer.shared().newDatabase(), "bench",
                    ProjectOptions.defaults())) {
                classId = project.classes().create("scratch", "#ff0000", "").id();
                firstImage = StationLoadTest.importImages(project, temp.resolve("images-" + stations), 32, 200);
            }
            StationLoad.Result result = StationLoad.run(folder, classId, firstImage, 32, 200, stations, period,
                    (processes, acknowledged) -> 0);
            try (Project project = Project.open(folder)) {
                StationLoad.assertNothingLost(project, classId, firstImage, 32, result);
            }
            rows.add(String.format("| %d | %d | %.1f | %.1f | %d | yes |", stations,
                    result.annotations().size() + result.reviews().size(), result.savesPerSecond(period),
                    result.p95Millis(), result.failures().size()));
        }
        String table = String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target", "station-load.md"), table);
    }
}
