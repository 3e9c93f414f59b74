package io.defectstudio.app.models;

import io.defectstudio.storage.Project;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeList;
import io.defectstudio.training.episodes.EpisodeSampler;
import io.defectstudio.training.episodes.HeldOutSource;
import io.defectstudio.training.episodes.ProjectEpisodeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed episode set model versions are compared on: the same episodes for every version, so the scores compare.
 * From the project, episodes come from the held-out images (every fifth), which training uses only for validation;
 * or from a benchmark episode list.
 */
public final class HeldOutEpisodes {
    private static final int HOLD_OUT_EVERY = 5;
    private static final long SEED = 20_240_607L;

    private HeldOutEpisodes() {
    }

    public static List<Episode> fromProject(Project project, List<String> classes, int shots, int count) {
        EpisodeSampler sampler = new EpisodeSampler(
                HeldOutSource.validation(new ProjectEpisodeSource(project, classes), HOLD_OUT_EVERY), classes, shots,
                SEED);
        List<Episode> episodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            episodes.add(sampler.episode(i));
        }
        return episodes;
    }

    /**
     * Episodes over every class with enough held-out masks for {@code shots}-shot episodes.
     *
     * @throws IllegalArgumentException when no class has enough
     */
    public static List<Episode> fromProject(Project project, int shots, int perClass) {
        List<String> all = project.classes().list().stream().map(c -> c.name()).toList();
        HeldOutSource held = HeldOutSource.validation(new ProjectEpisodeSource(project, all), HOLD_OUT_EVERY);
        List<String> usable = all.stream().filter(c -> held.samples(c).size() > shots).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("No class has enough accepted masks for a held-out comparison (each "
                    + "needs " + (HOLD_OUT_EVERY * shots + 1) + ")");
        }
        return fromProject(project, usable, shots, perClass * usable.size());
    }

    /** A benchmark list ({@code foldF_Kshot.tsv}), paths relative to {@code dataDir}. */
    public static List<Episode> fromList(Path tsv, Path dataDir) {
        return EpisodeList.read(tsv, dataDir);
    }
}
