package io.defectstudio.training.datasets;

import java.io.IOException;
import java.util.List;

/** Where checked items go. */
public interface ImportTarget {
    /**
     * Stores the items. An item the target itself refuses (for example an image format the project does not
     * keep) is returned as skipped, keyed by its image file, and nothing of it is stored. If storing fails with an
     * exception, nothing of any item is kept.
     */
    List<SkippedEntry> store(List<DatasetItem> items, String author, ProgressListener progress) throws IOException;
}
