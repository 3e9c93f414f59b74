package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * FSSD-12 layout as CPANet reads it:
 * <pre>
 * &lt;Class&gt;/Images/&lt;name&gt;.&lt;ext&gt;   image (original bytes), defect-free ones included
 * &lt;Class&gt;/GT/&lt;stem&gt;.png          mask, 8-bit grey, 255 = defect (all zero for a defect-free image)
 * data_list/train/fold&lt;f&gt;_defect.txt "&lt;Class&gt;/Images/&lt;name&gt; &lt;class index&gt;" for the fold's
 * training classes
 * data_list/val/fold&lt;f&gt;_defect.txt     the same for the fold's held-out classes
 * data_list/classes.txt                 "&lt;class index&gt; &lt;Class&gt;" (ours)
 * </pre>
 * What is confirmed: the list paths and the loader (repository yushaodong/CPANet, config/SSD/fold0_train.yaml and
 * util/dataset.py: first token is the image path relative to the data root, the second the 1-based class index;
 * the mask path is derived by replacing "Images/" with "GT/" and "jpg" with "png"). What is NOT confirmed: the
 * published list files themselves were not available offline, so the single-space separator and the order of
 * lines are our choice (the loader splits on any whitespace, so either works with it).
 */
public final class Fssd12Writer implements LayoutWriter {

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        List<ManifestEntry> out = MaskFileExport.write(entries, sink, progress, (c, name, defectFree) ->
                new MaskFileExport.Placement(c + "/Images/" + name, c + "/GT/" + ImageFiles.stem(name) + ".png",
                        c + "/" + name));
        ClassFolders.writeClassList(classes, sink);
        for (int fold = 0; fold < classes.folds(); fold++) {
            List<String> train = new ArrayList<>();
            List<String> val = new ArrayList<>();
            for (ManifestEntry m : out) {
                int index = m.entry().classIndex();
                (classes.isTestClass(fold, index) ? val : train).add(m.imagePath() + " " + index);
            }
            ClassFolders.writeLines(sink, "data_list/train/fold" + fold + "_defect.txt", train);
            ClassFolders.writeLines(sink, "data_list/val/fold" + fold + "_defect.txt", val);
        }
        return out;
    }
}
