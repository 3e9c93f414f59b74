package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.datasets.io.PngMasks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain PNG masks named after their images:
 * <pre>
 * images/&lt;Class&gt;/&lt;name&gt;.&lt;ext&gt;   image (original bytes)
 * masks/&lt;Class&gt;/&lt;stem&gt;.png       mask, 8-bit grey, 255 = defect, 0 = background (all zero when defect-free)
 * </pre>
 */
public final class PngMaskWriter implements LayoutWriter {

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        Map<ExportEntry, String> names = ClassFolders.fileNames(entries);
        List<ManifestEntry> out = new ArrayList<>();
        int done = 0;
        for (ExportEntry e : entries) {
            String c = e.item().className();
            String name = names.get(e);
            BufferedImage mask = e.item().mask().load();
            String image = "images/" + c + "/" + name;
            String maskPath = "masks/" + c + "/" + ImageFiles.stem(name) + ".png";
            sink.copy(image, e.item().imageFile());
            sink.write(maskPath, PngMasks.encode(mask));
            out.add(new ManifestEntry(e, image, maskPath, MaskImages.isEmpty(mask), List.of()));
            progress.progress(++done, entries.size(), "exported " + image);
        }
        return out;
    }
}
