package io.defectstudio.training.adapt;

import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Training episodes made from a support set alone, the only labelled images of a new class. With several shots each
 * shot in turn is the query of the others (leave one out); a single shot is the query of itself, and only the
 * augmentation (an independent draw for support and query) makes the two differ.
 */
public final class SelfEpisodes {

    static final String CLASS_NAME = "support";

    private SelfEpisodes() {
    }

    /** The {@code count} episodes of tuning step {@code step}; over the steps every shot is a query equally often. */
    public static List<Episode> forStep(List<? extends Sample> supports, long step, int count) {
        if (supports.isEmpty()) {
            throw new IllegalArgumentException("a support set needs at least one example");
        }
        List<Episode> episodes = new ArrayList<>(count);
        int shots = supports.size();
        for (int i = 0; i < count; i++) {
            int query = (int) ((step * count + i) % shots);
            List<Sample> others = new ArrayList<>(supports);
            Sample held = others.remove(query);
            episodes.add(new Episode(CLASS_NAME, shots == 1 ? List.of(held) : others, held));
        }
        return episodes;
    }
}
