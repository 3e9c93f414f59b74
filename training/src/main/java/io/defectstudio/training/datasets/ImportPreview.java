package io.defectstudio.training.datasets;

import java.util.List;

/** A checked source folder: the items that would be imported and the entries that would be skipped. */
public record ImportPreview(ImportFormat format, List<DatasetItem> items, List<SkippedEntry> skipped) {
    public ImportPreview {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
    }
}
