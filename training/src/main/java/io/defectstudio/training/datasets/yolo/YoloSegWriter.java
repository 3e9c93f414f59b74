package io.defectstudio.training.datasets.yolo;

import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.ImageGroup;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;

import io.defectstudio.training.datasets.io.BoundaryTracer;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.metrics.ConnectedComponents;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;
import java.util.Locale;

/**
 * Ultralytics YOLO segmentation, as YOLOv8/11 and X-AnyLabeling read it:
 * <pre>
 * data.yaml                     path, train, val, and names (0-based class ids)
 * images/train/&lt;name&gt;.&lt;ext&gt;   each distinct image once (original bytes)
 * labels/train/&lt;stem&gt;.txt       one line per object: class x1 y1 x2 y2 ... (normalised to 0..1)
 * </pre>
 * Each 8-connected component of a mask is one object, its outer boundary a polygon through the boundary pixels.
 * Holes cannot be written (YOLO polygons have none) and come back filled. A defect-free mask writes no line; so that
 * an image checked for a class and found clean survives a round trip, {@code checked/train/<stem>.txt} lists the
 * class ids each image was checked for (an extension: YOLO tools do not read that folder).
 */
public final class YoloSegWriter implements LayoutWriter {
    static final String DATA_YAML = "data.yaml";
    static final String IMAGES = "images/train/";
    static final String LABELS = "labels/train/";
    static final String CHECKED = "checked/train/";

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        List<ManifestEntry> out = new ArrayList<>();
        int done = 0;
        for (ImageGroup group : ImageGroup.of(entries)) {
            String name = group.fileName();
            String imagePath = IMAGES + name;
            String labelPath = LABELS + ImageFiles.stem(name) + ".txt";
            sink.copy(imagePath, group.first().item().imageFile());
            StringBuilder lines = new StringBuilder();
            StringBuilder checked = new StringBuilder();
            for (ExportEntry e : group.byClass()) {
                checked.append(e.classIndex() - 1).append('\n');
                BufferedImage mask = e.item().mask().load();
                int w = mask.getWidth();
                int h = mask.getHeight();
                int objects = 0;
                for (boolean[] component : ConnectedComponents.split(MaskImages.defects(mask), w, h)) {
                    lines.append(line(e.classIndex() - 1, BoundaryTracer.outer(component, w, h), w, h));
                    objects++;
                }
                out.add(new ManifestEntry(e, imagePath, labelPath, objects == 0, List.of()));
                progress.progress(++done, entries.size(), "exported " + imagePath);
            }
            sink.write(labelPath, lines.toString().getBytes(StandardCharsets.UTF_8));
            sink.write(CHECKED + ImageFiles.stem(name) + ".txt", checked.toString().getBytes(StandardCharsets.UTF_8));
        }
        sink.write(DATA_YAML, dataYaml(classes).getBytes(StandardCharsets.UTF_8));
        out.sort(Comparator.comparing((ManifestEntry m) -> m.entry().item().className())
                .thenComparing(ManifestEntry::imagePath));
        return out;
    }

    private static String line(int classId, double[] xy, int w, int h) {
        StringBuilder b = new StringBuilder().append(classId);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            b.append(String.format(Locale.ROOT, " %.6f %.6f", xy[i] / w, xy[i + 1] / h));
        }
        return b.append('\n').toString();
    }

    private static String dataYaml(ClassIndex classes) {
        StringBuilder b = new StringBuilder("# Defect Studio dataset export (YOLO segmentation)\n")
                .append("path: .\ntrain: images/train\nval: images/train\nnames:\n");
        for (String name : classes.names()) {
            b.append("  ").append(classes.indexOf(name) - 1).append(": ").append(YamlNames.quote(name)).append('\n');
        }
        return b.toString();
    }
}
