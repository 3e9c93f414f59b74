package io.defectstudio.training.datasets.labelme;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.ImageGroup;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;

import io.defectstudio.training.datasets.io.BoundaryTracer;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.Json;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.metrics.ConnectedComponents;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;

/**
 * labelme annotation files, as labelme (and X-AnyLabeling) open them:
 * <pre>
 * &lt;name&gt;.&lt;ext&gt;   each distinct image once (original bytes)
 * &lt;stem&gt;.json    shapes: one polygon per 8-connected component of each class's mask, labelled with the class
 * </pre>
 * Polygons run through the boundary pixels, so holes come back filled. The file-level {@code flags} say which classes
 * the image was checked for ({@code "defect-studio:checked:<class>": true}), so a clean mask survives a round trip;
 * labelme shows them as image flags.
 */
public final class LabelmeWriter implements LayoutWriter {
    static final String CHECKED_FLAG = "defect-studio:checked:";

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        List<ManifestEntry> out = new ArrayList<>();
        int done = 0;
        for (ImageGroup group : ImageGroup.of(entries)) {
            String name = group.fileName();
            String jsonPath = ImageFiles.stem(name) + ".json";
            sink.copy(name, group.first().item().imageFile());
            JsonArray shapes = new JsonArray();
            JsonObject flags = new JsonObject();
            int width = 0;
            int height = 0;
            for (ExportEntry e : group.byClass()) {
                BufferedImage mask = e.item().mask().load();
                width = mask.getWidth();
                height = mask.getHeight();
                flags.addProperty(CHECKED_FLAG + e.item().className(), true);
                int objects = 0;
                for (boolean[] component : ConnectedComponents.split(MaskImages.defects(mask), width, height)) {
                    shapes.add(polygon(e.item().className(), BoundaryTracer.outer(component, width, height)));
                    objects++;
                }
                out.add(new ManifestEntry(e, name, jsonPath, objects == 0, List.of()));
                progress.progress(++done, entries.size(), "exported " + name);
            }
            JsonObject file = new JsonObject();
            file.addProperty("version", "5.4.1");
            file.add("flags", flags);
            file.add("shapes", shapes);
            file.addProperty("imagePath", name);
            file.add("imageData", JsonNull.INSTANCE);
            file.addProperty("imageHeight", height);
            file.addProperty("imageWidth", width);
            sink.write(jsonPath, Json.pretty(file));
        }
        out.sort(Comparator.comparing((ManifestEntry m) -> m.entry().item().className())
                .thenComparing(ManifestEntry::imagePath));
        return out;
    }

    private static JsonObject polygon(String label, double[] xy) {
        JsonArray points = new JsonArray();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            JsonArray p = new JsonArray();
            p.add(xy[i]);
            p.add(xy[i + 1]);
            points.add(p);
        }
        JsonObject shape = new JsonObject();
        shape.addProperty("label", label);
        shape.add("points", points);
        shape.add("group_id", JsonNull.INSTANCE);
        shape.addProperty("description", "");
        shape.addProperty("shape_type", "polygon");
        shape.add("flags", new JsonObject());
        shape.add("mask", JsonNull.INSTANCE);
        return shape;
    }
}
