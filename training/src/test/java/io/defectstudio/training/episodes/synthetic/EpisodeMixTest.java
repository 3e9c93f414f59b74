package io.defectstudio.training.episodes.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeStream;
import io.defectstudio.training.episodes.MemorySample;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeMixTest {

    private static EpisodeStream named(String name) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        MemorySample sample = new MemorySample(name, image, image);
        return index -> new Episode(name, List.of(sample), sample);
    }

    private static int syntheticCount(double share, long seed) {
        EpisodeMix mix = new EpisodeMix(named("real"), named("pseudo"), share, seed);
        int count = 0;
        for (long i = 0; i < 1000; i++) {
            if (mix.episode(i).className().equals("pseudo")) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theShareOfSyntheticEpisodesIsAsAsked() {
        assertEquals(0, syntheticCount(0, 1));
        assertEquals(1000, syntheticCount(1, 1));
        int half = syntheticCount(0.5, 1);
        assertTrue(half > 440 && half < 560, "share 0.5 gave " + half + " of 1000");
        assertEquals(half, syntheticCount(0.5, 1));
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EpisodeMix(named("a"), named("b"), 1.5, 1));
    }
}
