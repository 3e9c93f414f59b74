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
 * Surface Defect-4i layout as TGRNet (Bao et al. 2021) ships it:
 * <pre>
 * &lt;Class&gt;/Images/&lt;name&gt;.&lt;ext&gt;   defective image (original bytes)
 * &lt;Class&gt;/GT/&lt;stem&gt;.png          its mask, 8-bit grey, 255 = defect, 0 = background
 * &lt;Class&gt;/Nd/&lt;name&gt;.&lt;ext&gt;       defect-free image of that class's part (all-zero mask, no GT file)
 * data_list/{train,test}/fold_&lt;f&gt;_defective.txt   "&lt;Class&gt;/Images/&lt;name&gt;  &lt;class index&gt;"
 * data_list/{train,test}/fold_&lt;f&gt;_mask.txt        "&lt;Class&gt;/GT/&lt;stem&gt;.png  &lt;class index&gt;"
 * data_list/{train,test}/fold_&lt;f&gt;_clean.txt       "&lt;Class&gt;/Nd/&lt;name&gt;  &lt;class index&gt;"
 * data_list/classes.txt                            "&lt;class index&gt; &lt;Class&gt;" (ours, not in TGRNet)
 * </pre>
 * File names, the two-space separator and the 1-based class index are as in TGRNet's published data_list files
 * (repository bbbbby-99/TGRNet-Surface-Defect-Segmentation, data_list/train/fold_0_*.txt) and its loader
 * (util/dataset.py replaces "Images/" by "GT/" and "jpg" by "png"). TGRNet numbers its 12 classes in a fixed
 * order of its own; we number ours by name, so indices only match TGRNet's when the class set does. Like TGRNet
 * the held-out lists go under {@code test/}. Images keep their original format and extension.
 */
public final class Sd4iWriter implements LayoutWriter {

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        // A defect-free image goes to Nd/ and has no GT file.
        List<ManifestEntry> out = MaskFileExport.write(entries, sink, progress, (c, name, defectFree) -> defectFree
                ? new MaskFileExport.Placement(c + "/Nd/" + name, null, c + "/" + name)
                : new MaskFileExport.Placement(c + "/Images/" + name, c + "/GT/" + ImageFiles.stem(name) + ".png",
                        c + "/" + name));
        writeLists(out, classes, sink);
        return out;
    }

    private static void writeLists(List<ManifestEntry> written, ClassIndex classes, ExportSink sink)
            throws IOException {
        ClassFolders.writeClassList(classes, sink);
        for (int fold = 0; fold < classes.folds(); fold++) {
            for (boolean test : new boolean[] {false, true}) {
                List<String> defective = new ArrayList<>();
                List<String> masks = new ArrayList<>();
                List<String> clean = new ArrayList<>();
                for (ManifestEntry m : written) {
                    int index = m.entry().classIndex();
                    if (classes.isTestClass(fold, index) != test) {
                        continue;
                    }
                    if (m.defectFree()) {
                        clean.add(m.imagePath() + "  " + index);
                    } else {
                        defective.add(m.imagePath() + "  " + index);
                        masks.add(m.maskPath() + "  " + index);
                    }
                }
                String dir = "data_list/" + (test ? "test" : "train") + "/fold_" + fold;
                ClassFolders.writeLines(sink, dir + "_defective.txt", defective);
                ClassFolders.writeLines(sink, dir + "_mask.txt", masks);
                ClassFolders.writeLines(sink, dir + "_clean.txt", clean);
            }
        }
    }
}
