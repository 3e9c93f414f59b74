package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.defectstudio.training.testdata.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurfaceDefectLayoutSourceTest {

    @TempDir
    Path root;

    @Test
    void parsesImagesGtNdAndTheFoldLists() throws Exception {
        List<String> classes = List.of("Steel_Am", "Steel_Ld", "Rail", "Tile");
        SyntheticData.writeSurfaceDefectLayout(root, classes, 3, 32, List.of("Steel_Am", "Rail", "Tile"), 2);
        SurfaceDefectLayoutSource source = SurfaceDefectLayoutSource.open(root);

        assertEquals(List.of("Rail", "Steel_Am", "Steel_Ld", "Tile"), source.classNames());
        assertEquals(3, source.samples("Rail").size());
        assertEquals("Rail/Images/0.jpg", source.samples("Rail").get(0).id());
        assertEquals(4, source.normalSamples().size(), "one Nd image per class");
        assertEquals(0, source.normalSamples().get(0).mask().getRaster().getSample(3, 3, 0));

        FoldSplit split = source.foldSplit(0);
        assertEquals(List.of("Steel_Am", "Rail", "Tile"), split.trainClasses());
        assertEquals(List.of("Steel_Ld"), split.testClasses());
    }

    @Test
    void missingFoldListsOrClassesAreTypedErrors() throws Exception {
        SyntheticData.writeSurfaceDefectLayout(root, List.of("A", "B"), 2, 32, List.of("A"), 3);
        assertThrows(EpisodeDataException.class, () -> SurfaceDefectLayoutSource.open(root).foldSplit(1));
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThrows(EpisodeDataException.class, () -> SurfaceDefectLayoutSource.open(empty));
    }
}
