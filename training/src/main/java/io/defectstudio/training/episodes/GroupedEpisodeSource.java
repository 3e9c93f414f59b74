package io.defectstudio.training.episodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@link EpisodeSource} that reads its samples into classes and defect-free images once, when it is opened. */
abstract class GroupedEpisodeSource implements EpisodeSource {

    /** Annotated samples by class name, in the order {@link #classNames} reports them. */
    protected final Map<String, List<Sample>> classes;
    protected final List<Sample> normals = new ArrayList<>();

    protected GroupedEpisodeSource(Map<String, List<Sample>> classes) {
        this.classes = classes;
    }

    /** Where the samples were read from, for error messages. */
    protected abstract String origin();

    @Override
    public List<String> classNames() {
        return List.copyOf(classes.keySet());
    }

    @Override
    public List<Sample> samples(String className) {
        List<Sample> samples = classes.get(className);
        if (samples == null) {
            throw new EpisodeDataException("No annotated class " + className + " in " + origin() + "; classes: "
                    + classNames());
        }
        return List.copyOf(samples);
    }

    @Override
    public List<Sample> normalSamples() {
        return List.copyOf(normals);
    }
}
