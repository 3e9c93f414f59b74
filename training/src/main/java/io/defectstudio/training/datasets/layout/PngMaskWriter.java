package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import java.io.IOException;
import java.util.List;

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
        return MaskFileExport.write(entries, sink, progress, (c, name, defectFree) -> {
            String image = "images/" + c + "/" + name;
            return new MaskFileExport.Placement(image, "masks/" + c + "/" + ImageFiles.stem(name) + ".png", image);
        });
    }
}
