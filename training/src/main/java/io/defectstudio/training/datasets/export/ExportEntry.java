package io.defectstudio.training.datasets.export;

import io.defectstudio.training.datasets.DatasetItem;

/** A selected item with its image's SHA-256 and its class's 1-based index in the export. */
public record ExportEntry(DatasetItem item, String imageSha256, int classIndex) {
}
