package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeListTest {

    @TempDir
    Path dir;

    @Test
    void readsTheBenchmarkTsvWithSeveralSupports() throws Exception {
        Path tsv = dir.resolve("fold0_5shot.tsv");
        Files.writeString(tsv, "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks\n"
                + "0\tMT_Crack\ta/q.jpg\ta/q.png\ta/s1.jpg|a/s2.jpg\ta/s1.png|a/s2.png\n"
                + "1\tSteel_In\tb/Source Images/In_1.bmp\tb/Ground truth/In_1.png\tb/x.bmp\tb/x.png\n");
        List<Episode> episodes = EpisodeList.read(tsv, dir);
        assertEquals(2, episodes.size());
        assertEquals("MT_Crack", episodes.get(0).className());
        assertEquals(2, episodes.get(0).shots());
        FileSample query = (FileSample) episodes.get(1).query();
        assertEquals(dir.resolve("b/Source Images/In_1.bmp"), query.imagePath());
        assertEquals(dir.resolve("a/s2.png"), ((FileSample) episodes.get(0).supports().get(1)).maskPath());
    }

    @Test
    void malformedListsAreTypedErrors() throws Exception {
        Path tsv = dir.resolve("bad.tsv");
        Files.writeString(tsv, "query\tmask\n");
        assertThrows(EpisodeDataException.class, () -> EpisodeList.read(tsv, dir));
        Files.writeString(tsv, "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks\n"
                + "0\tMT_Crack\ta/q.jpg\ta/q.png\ta/s1.jpg|a/s2.jpg\ta/s1.png\n");
        EpisodeDataException e = assertThrows(EpisodeDataException.class, () -> EpisodeList.read(tsv, dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(EpisodeDataException.class, () -> EpisodeList.read(dir.resolve("missing.tsv"), dir));
    }
}
