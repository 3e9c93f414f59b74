package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.classes.DefectClass;
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

            ProjectEpisodeSource source = new ProjectEpisodeSource(project);
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
}
