package io.defectstudio.training.episodes;

import java.util.List;

/** Where episodes come from: annotated images grouped by defect class, plus defect-free images. */
public interface EpisodeSource {

    /** The defect classes, in a stable order. */
    List<String> classNames();

    /** The annotated images of one class, in a stable order. */
    List<Sample> samples(String className);

    /** Defect-free images (all-background masks), possibly empty. */
    List<Sample> normalSamples();
}
