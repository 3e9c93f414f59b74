package io.defectstudio.training.datasets;

import java.io.IOException;
import java.util.List;

/** Where checked items go. Implementations store all of them or, on failure, none. */
public interface ImportTarget {
    void store(List<DatasetItem> items, String author, ProgressListener progress) throws IOException;
}
