package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.SteppingClock;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.reviews.ReviewDecision;
import io.defectstudio.storage.reviews.ReviewRole;
import io.defectstudio.training.testdata.SyntheticData;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectEpisodeSourceTest {

    @TempDir
    Path dir;

    @Test
    void supportsAndCorrectionsBecomeEpisodesAndClearedMasksNormals() throws Exception {
        try (Project project = Project.create(dir.resolve("project"), "Line 3")) {
            DefectClass crack = project.classes().create("crack", "#ff0000", "");
            DefectClass hole = project.classes().create("hole", "#00ff00", "");
            Random random = new Random(3);
            long[] ids = new long[5];
            for (int i = 0; i < ids.length; i++) {
                SyntheticData.Pair pair = SyntheticData.pair(random, 32, 32, i % 2);
                Path file = dir.resolve("img" + i + ".png");
                SyntheticData.write(pair.image(), file, "png");
                ids[i] = project.images().importFile(file).image().id();
                if (i < 4) {
                    project.annotations().save(ids[i], crack.id(), AnnotationKind.SUPPORT, "ann", pair.mask());
                }
            }
            // Image 3's prediction was corrected to "no defect": its newest crack mask is empty.
            project.annotations().save(ids[3], crack.id(), AnnotationKind.CORRECTION, "ann",
                    new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY));
            SyntheticData.Pair holePair = SyntheticData.pair(random, 32, 32, 0);
            project.annotations().save(ids[4], hole.id(), AnnotationKind.IMPORTED, "ann", holePair.mask());

            ProjectEpisodeSource source = ProjectEpisodeSource.allClasses(project);
            assertEquals(List.of("crack", "hole"), source.classNames());
            assertEquals(3, source.samples("crack").size());
            assertEquals(1, source.samples("hole").size());
            assertEquals(1, source.normalSamples().size());
            Sample normal = source.normalSamples().get(0);
            assertTrue(normal.id().startsWith("image-" + ids[3] + "/"), normal.id());
            assertEquals(0, SyntheticData.defectPixels(normal.mask()));
            Sample first = source.samples("crack").get(0);
            assertEquals(32, first.image().getWidth());
            assertTrue(SyntheticData.defectPixels(first.mask()) > 0);
            assertThrows(EpisodeDataException.class, () -> source.samples("scratch"));

            EpisodeSampler sampler = new EpisodeSampler(source, List.of("crack"), 2, 1);
            Episode episode = sampler.episode(0);
            assertEquals("crack", episode.className());
            assertFalse(episode.supports().contains(episode.query()));
        }
    }

    /**
     * Only the chosen classes, and a supervisor's current reject or relabel takes a part out; a verdict older than the
     * newest mask was about an earlier version.
     */
    @Test
    void theChosenClassesWithoutThePartsASupervisorSentBack() throws Exception {
        SteppingClock clock = new SteppingClock(java.time.Instant.parse("2026-12-04T00:00:00Z"),
                java.time.Duration.ofSeconds(1));
        try (Project project = Project.create(dir.resolve("verdicts"), "Line 4",
                io.defectstudio.storage.ProjectOptions.defaults().withClock(clock))) {
            DefectClass crack = project.classes().create("crack", "#ff0000", "");
            project.classes().create("hole", "#00ff00", "");
            Random random = new Random(5);
            long[] ids = new long[4];
            for (int i = 0; i < ids.length; i++) {
                SyntheticData.Pair pair = SyntheticData.pair(random, 32, 32, 0);
                Path file = dir.resolve("v" + i + ".png");
                SyntheticData.write(pair.image(), file, "png");
                ids[i] = project.images().importFile(file).image().id();
                project.annotations().save(ids[i], crack.id(), AnnotationKind.CORRECTION, "ann", pair.mask());
            }
            project.reviews().record(ids[0], crack.id(), ReviewDecision.REJECT, "sam", "", ReviewRole.SUPERVISOR);
            project.reviews().record(ids[1], crack.id(), ReviewDecision.APPROVE, "sam", "", ReviewRole.SUPERVISOR);
            project.reviews().record(ids[2], crack.id(), ReviewDecision.RELABEL, "sam", "", ReviewRole.SUPERVISOR);
            // Image 2 was relabelled after the verdict: its new mask counts again.
            project.annotations().save(ids[2], crack.id(), AnnotationKind.CORRECTION, "ann",
                    SyntheticData.pair(random, 32, 32, 0).mask());

            ProjectEpisodeSource source = new ProjectEpisodeSource(project, List.of("crack"));
            assertEquals(List.of("crack"), source.classNames());
            assertEquals(List.of(ids[1], ids[2], ids[3]), source.samples("crack").stream()
                    .map(x -> Long.parseLong(x.id().substring("image-".length(), x.id().indexOf('/')))).toList());
            assertThrows(IllegalArgumentException.class, () -> new ProjectEpisodeSource(project, List.of("scratch")));
        }
    }
}
