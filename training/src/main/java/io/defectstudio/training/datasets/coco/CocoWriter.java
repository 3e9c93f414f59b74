package io.defectstudio.training.datasets.coco;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.defectstudio.training.datasets.ProgressListener;
import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.ImageGroup;
import io.defectstudio.training.datasets.export.LayoutWriter;
import io.defectstudio.training.datasets.export.ManifestEntry;

import io.defectstudio.training.datasets.io.BoundaryTracer;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.Json;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.metrics.ConnectedComponents;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;

import java.util.List;

/**
 * COCO instance segmentation:
 * <pre>
 * images/&lt;name&gt;.&lt;ext&gt;   each distinct image once (original bytes)
 * annotations.json        info, licenses, images, annotations, categories
 * </pre>
 * Each 8-connected component of a mask is one annotation with {@code segmentation = {"size": [h, w], "counts":
 * "<compressed RLE>"}} (or, for tools that read only polygons, {@code [[x1, y1, x2, y2, ...]]} along its boundary
 * pixels), its pixel {@code area}, {@code bbox = [x, y, width, height]} and {@code iscrowd = 0}
 * (they are single objects, not crowds). Categories are numbered 1..N in name order, images 1..M in file-name
 * order, annotations in image, category, component order. Extension: each image lists
 * {@code annotated_category_ids}, the classes it was checked for, so a defect-free (empty) mask survives a round
 * trip; COCO readers ignore unknown keys.
 */
public final class CocoWriter implements LayoutWriter {
    public static final String ANNOTATIONS = "annotations.json";

    private final boolean polygons;

    /** Masks as compressed RLE, exact. */
    public CocoWriter() {
        this(false);
    }

    /**
     * @param polygons write each instance as a polygon along its boundary pixels instead of RLE, for tools that read
     *                 only polygons; holes come back filled
     */
    public CocoWriter(boolean polygons) {
        this.polygons = polygons;
    }

    @Override
    public List<ManifestEntry> write(List<ExportEntry> entries, ClassIndex classes, ExportSink sink,
                                     ProgressListener progress) throws IOException {
        List<ImageGroup> imageOrder = new ArrayList<>(ImageGroup.of(entries));
        imageOrder.sort(Comparator.comparing(ImageGroup::fileName).thenComparing(g -> g.first().imageSha256()));

        JsonArray images = new JsonArray();
        JsonArray annotations = new JsonArray();
        List<ManifestEntry> out = new ArrayList<>();
        int annotationId = 0;
        int done = 0;
        for (int i = 0; i < imageOrder.size(); i++) {
            ImageGroup group = imageOrder.get(i);
            int imageId = i + 1;
            String path = "images/" + group.fileName();
            sink.copy(path, group.first().item().imageFile());
            JsonArray checked = new JsonArray();
            int width = -1;
            int height = -1;
            for (ExportEntry e : group.byClass()) {
                BufferedImage mask = e.item().mask().load();
                if (width >= 0 && (mask.getWidth() != width || mask.getHeight() != height)) {
                    throw new IllegalArgumentException("masks of " + e.item().imageName() + " differ in size");
                }
                width = mask.getWidth();
                height = mask.getHeight();
                checked.add(e.classIndex());
                List<Integer> ids = new ArrayList<>();
                boolean[] defects = MaskImages.defects(mask);
                for (boolean[] component : ConnectedComponents.split(defects, width, height)) {
                    ids.add(++annotationId);
                    annotations.add(annotation(annotationId, imageId, e.classIndex(), component, width, height,
                            polygons));
                }
                out.add(new ManifestEntry(e, path, null, ids.isEmpty(), ids));
                progress.progress(++done, entries.size(), "exported " + path);
            }
            JsonObject image = new JsonObject();
            image.addProperty("id", imageId);
            image.addProperty("file_name", group.fileName());
            image.addProperty("width", width);
            image.addProperty("height", height);
            image.add("annotated_category_ids", checked);
            images.add(image);
        }

        JsonArray categories = new JsonArray();
        for (String name : classes.names()) {
            JsonObject c = new JsonObject();
            c.addProperty("id", classes.indexOf(name));
            c.addProperty("name", name);
            c.addProperty("supercategory", "defect");
            categories.add(c);
        }
        JsonObject info = new JsonObject();
        info.addProperty("description", "Defect Studio dataset export");
        info.addProperty("version", "1");
        JsonObject root = new JsonObject();
        root.add("info", info);
        root.add("licenses", new JsonArray());
        root.add("images", images);
        root.add("annotations", annotations);
        root.add("categories", categories);
        sink.write(ANNOTATIONS, Json.compact(root));
        out.sort(Comparator.comparing((ManifestEntry m) -> m.entry().item().className())
                .thenComparing(m -> m.imagePath()));
        return out;
    }

    private static JsonObject annotation(int id, int imageId, int categoryId, boolean[] component, int width,
                                         int height, boolean asPolygon) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        int area = 0;
        for (int p = 0; p < component.length; p++) {
            if (component[p]) {
                int x = p % width;
                int y = p / width;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
                area++;
            }
        }
        JsonElement segmentation;
        if (asPolygon) {
            JsonArray polygon = new JsonArray();
            for (double v : BoundaryTracer.outer(component, width, height)) {
                polygon.add(v);
            }
            JsonArray list = new JsonArray();
            list.add(polygon);
            segmentation = list;
        } else {
            JsonObject rle = new JsonObject();
            JsonArray size = new JsonArray();
            size.add(height);
            size.add(width);
            rle.add("size", size);
            rle.addProperty("counts", CocoRle.toCompressedString(CocoRle.counts(component, width, height)));
            segmentation = rle;
        }
        JsonArray bbox = new JsonArray();
        bbox.add(minX);
        bbox.add(minY);
        bbox.add(maxX - minX + 1);
        bbox.add(maxY - minY + 1);
        JsonObject a = new JsonObject();
        a.addProperty("id", id);
        a.addProperty("image_id", imageId);
        a.addProperty("category_id", categoryId);
        a.add("segmentation", segmentation);
        a.addProperty("area", area);
        a.add("bbox", bbox);
        a.addProperty("iscrowd", 0);
        return a;
    }
}
