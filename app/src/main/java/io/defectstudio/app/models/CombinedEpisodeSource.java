package io.defectstudio.app.models;

import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.Sample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Several episode sources as one: classes of the same name pool their samples. */
final class CombinedEpisodeSource implements EpisodeSource {
    private final List<EpisodeSource> sources;

    CombinedEpisodeSource(List<EpisodeSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<String> classNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        sources.forEach(s -> names.addAll(s.classNames()));
        return List.copyOf(names);
    }

    @Override
    public List<Sample> samples(String className) {
        List<Sample> all = new ArrayList<>();
        for (EpisodeSource s : sources) {
            if (s.classNames().contains(className)) {
                all.addAll(s.samples(className));
            }
        }
        return all;
    }

    @Override
    public List<Sample> normalSamples() {
        List<Sample> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.normalSamples()));
        return all;
    }
}
