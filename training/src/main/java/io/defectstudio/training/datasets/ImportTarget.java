package io.defectstudio.training.datasets;

import java.io.IOException;
import java.util.List;

/** Where checked items go. */
public interface ImportTarget {
    /**
     * Stores the items. If storing fails with an exception, nothing of any item is kept.
     *
     * @return the images the target itself refused (for example a format the project does not keep), keyed by image
     *     file, none of whose masks were stored; and the masks it did not store because a person's mask for that
     *     image and class is current, which the import must not override
     */
    Stored store(List<DatasetItem> items, String author, ProgressListener progress) throws IOException;

    /** What {@link #store} left out. */
    record Stored(List<SkippedEntry> refusedImages, List<SkippedEntry> keptCorrections) {
        public Stored {
            refusedImages = List.copyOf(refusedImages);
            keptCorrections = List.copyOf(keptCorrections);
        }
    }
}
