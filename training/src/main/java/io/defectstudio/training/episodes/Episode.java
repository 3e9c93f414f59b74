package io.defectstudio.training.episodes;

import java.util.List;

/** A one-way K-shot episode: K annotated supports of one class and one query of the same class. */
public record Episode(String className, List<Sample> supports, Sample query) {

    public Episode {
        supports = List.copyOf(supports);
        if (supports.isEmpty()) {
            throw new IllegalArgumentException("An episode needs at least one support");
        }
    }

    public int shots() {
        return supports.size();
    }
}
