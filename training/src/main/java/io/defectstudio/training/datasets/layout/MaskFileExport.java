package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.ManifestEntry;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.datasets.io.PngMasks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes each entry's image (original bytes) and its mask (8-bit grey PNG, 255 = defect) where a layout with one mask
 * file per image puts them; the layouts differ only in the paths.
 */
final class MaskFileExport {

    /**
     * Where one entry goes: its image path, its mask path ({@code null}: no mask file) and the text reported as
     * "exported &lt;label&gt;".
     */
    record Placement(String image, String mask, String label) {
    }

    /** A layout's paths for an image {@code name} (unique within its class folder) of class {@code className}. */
    interface Layout {
        Placement place(String className, String name, boolean defectFree);
    }

    private MaskFileExport() {
    }

    static List<ManifestEntry> write(List<ExportEntry> entries, ExportSink sink, ProgressListener progress,
                                     Layout layout) throws IOException {
        Map<ExportEntry, String> names = ClassFolders.fileNames(entries);
        List<ManifestEntry> out = new ArrayList<>();
        int done = 0;
        for (ExportEntry e : entries) {
            BufferedImage mask = e.item().mask().load();
            boolean defectFree = MaskImages.isEmpty(mask);
            Placement p = layout.place(e.item().className(), names.get(e), defectFree);
            sink.copy(p.image(), e.item().imageFile());
            if (p.mask() != null) {
                sink.write(p.mask(), PngMasks.encode(mask));
            }
            out.add(new ManifestEntry(e, p.image(), p.mask(), defectFree, List.of()));
            progress.progress(++done, entries.size(), "exported " + p.label());
        }
        return out;
    }
}
