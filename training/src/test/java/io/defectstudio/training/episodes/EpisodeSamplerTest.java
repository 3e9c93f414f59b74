package io.defectstudio.training.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.testdata.SyntheticData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeSamplerTest {

    @TempDir
    Path data;

    @Test
    void trainingEpisodesNeverUseTheFoldsTestClassesAndHaveKDistinctSupports() throws Exception {
        SyntheticData.writeDefect8i(data, 7, 32, 4);
        Defect8iSource source = Defect8iSource.open(data);
        for (int fold = 0; fold < 4; fold++) {
            FoldSplit split = FoldSplit.defect8i(fold);
            EpisodeSampler sampler = EpisodeSampler.forTraining(source, split, 5, 11);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                Episode episode = sampler.episode(i);
                assertFalse(split.isTestClass(episode.className()), "fold " + fold + ": " + episode.className());
                assertEquals(5, episode.shots());
                Set<String> ids = new HashSet<>();
                episode.supports().forEach(s -> ids.add(s.id()));
                ids.add(episode.query().id());
                assertEquals(6, ids.size(), "query and supports are distinct images");
                episode.supports().forEach(s -> assertTrue(s.id().contains(tail(episode.className()))));
                seen.add(episode.className());
            }
            assertEquals(Set.copyOf(split.trainClasses()), seen, "all six train classes are drawn");
        }
    }

    @Test
    void foldsAreDisjointAndCoverAllClasses() {
        Set<String> tested = new HashSet<>();
        for (int fold = 0; fold < 4; fold++) {
            FoldSplit split = FoldSplit.defect8i(fold);
            assertEquals(6, split.trainClasses().size());
            assertEquals(2, split.testClasses().size());
            split.testClasses().forEach(c -> assertFalse(split.trainClasses().contains(c)));
            tested.addAll(split.testClasses());
        }
        assertEquals(Set.copyOf(FoldSplit.DEFECT8I_CLASSES), tested);
        assertEquals(java.util.List.of("MT_Blowhole", "Steel_In"), FoldSplit.defect8i(0).testClasses());
        assertThrows(IllegalArgumentException.class,
                () -> new FoldSplit(9, java.util.List.of("A", "B"), java.util.List.of("B")));
        assertThrows(IllegalArgumentException.class, () -> FoldSplit.defect8i(4));
        FoldSplit shipped = FoldSplit.defect8i(FoldSplit.ALL_CLASSES);
        assertEquals(FoldSplit.DEFECT8I_CLASSES, shipped.trainClasses());
        assertTrue(shipped.testClasses().isEmpty());
    }

    @Test
    void aSplitTrainingOnFewerClassesDrawsOnlyThoseAndKeepsItsTestClasses() throws Exception {
        SyntheticData.writeDefect8i(data, 5, 32, 4);
        FoldSplit fewer = FoldSplit.defect8i(1).trainingOn(java.util.List.of("MT_Crack", "Steel_Sc"));
        assertEquals(FoldSplit.defect8i(1).testClasses(), fewer.testClasses());
        EpisodeSampler sampler = EpisodeSampler.forTraining(Defect8iSource.open(data), fewer, 1, 5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(sampler.episode(i).className());
        }
        assertEquals(Set.of("MT_Crack", "Steel_Sc"), seen);
        assertThrows(IllegalArgumentException.class,
                () -> FoldSplit.defect8i(1).trainingOn(java.util.List.of("Steel_Pa")), "a test class never trains");
        assertThrows(IllegalArgumentException.class, () -> FoldSplit.defect8i(1).trainingOn(java.util.List.of()));
    }

    @Test
    void episodesDependOnlyOnSeedAndIndex() throws Exception {
        SyntheticData.writeDefect8i(data, 5, 32, 4);
        Defect8iSource source = Defect8iSource.open(data);
        EpisodeSampler a = EpisodeSampler.forTraining(source, FoldSplit.defect8i(1), 1, 3);
        EpisodeSampler b = EpisodeSampler.forTraining(source, FoldSplit.defect8i(1), 1, 3);
        EpisodeSampler c = EpisodeSampler.forTraining(source, FoldSplit.defect8i(1), 1, 4);
        int differ = 0;
        for (int i = 0; i < 50; i++) {
            assertEquals(describe(a.episode(i)), describe(b.episode(i)));
            differ += describe(a.episode(i)).equals(describe(c.episode(i))) ? 0 : 1;
        }
        assertNotEquals(0, differ, "another seed draws other episodes");
        EpisodeSampler fresh = EpisodeSampler.forTraining(source, FoldSplit.defect8i(1), 1, 3);
        assertEquals(describe(a.episode(17)), describe(fresh.episode(17)),
                "episode 17 drawn first is the one drawn after 0-16: random access by index");
    }

    @Test
    void tooFewImagesForKShotsIsATypedError() throws Exception {
        SyntheticData.writeDefect8i(data, 3, 32, 4);
        Defect8iSource source = Defect8iSource.open(data);
        EpisodeDataException e = assertThrows(EpisodeDataException.class,
                () -> EpisodeSampler.forTraining(source, FoldSplit.defect8i(0), 5, 1));
        assertTrue(e.getMessage().contains("needs 6"), e.getMessage());
    }

    private static String tail(String className) {
        return className.startsWith("Steel_") ? className.substring(6) + "_" : className;
    }

    private static String describe(Episode e) {
        StringBuilder sb = new StringBuilder(e.className()).append(':').append(e.query().id());
        e.supports().forEach(s -> sb.append(',').append(s.id()));
        return sb.toString();
    }
}
