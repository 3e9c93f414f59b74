package io.defectstudio.training.datasets.export;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.io.ExportSink;
import java.io.IOException;
import java.util.List;

/** Writes sorted entries in one dataset layout. */
public interface LayoutWriter {
    List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink, ProgressListener progress)
            throws IOException;
}
