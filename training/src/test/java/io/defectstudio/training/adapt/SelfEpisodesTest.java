package io.defectstudio.training.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.MemorySample;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.testdata.SyntheticData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelfEpisodesTest {

    @Test
    void aSingleShotIsTheQueryOfItself() {
        List<Sample> one = samples(1);
        for (Episode e : SelfEpisodes.forStep(one, 3, 2)) {
            assertSame(one.get(0), e.query());
            assertEquals(one, e.supports());
        }
    }

    @Test
    void severalShotsTakeTurnsAsTheQueryOfTheOthers() {
        List<Sample> three = samples(3);
        Map<String, Integer> asQuery = new HashMap<>();
        for (int step = 0; step < 6; step++) {
            List<Episode> episodes = SelfEpisodes.forStep(three, step, 2);
            assertEquals(2, episodes.size());
            for (Episode e : episodes) {
                assertEquals(2, e.shots());
                assertFalse(e.supports().contains(e.query()), "a query is never its own support");
                asQuery.merge(e.query().id(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("s0", 4, "s1", 4, "s2", 4), asQuery);
    }

    @Test
    void anEmptySupportSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SelfEpisodes.forStep(List.of(), 0, 2));
    }

    private static List<Sample> samples(int n) {
        Random random = new Random(7);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SyntheticData.Pair p = SyntheticData.pair(random, 32, 32, 0);
            out.add(new MemorySample("s" + i, p.image(), p.mask()));
        }
        return out;
    }
}
