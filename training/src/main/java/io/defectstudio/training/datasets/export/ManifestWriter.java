package io.defectstudio.training.datasets.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ExportSelection;
import io.defectstudio.training.datasets.Provenance;
import io.defectstudio.training.datasets.io.ExportSink;
import io.defectstudio.training.datasets.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code manifest.json} (selection, classes, provenance of every item, size and SHA-256 of every other
 * file) and {@code SHA256SUMS} ({@code sha256sum -c} format, every file including the manifest). Nothing in
 * either depends on when the export ran.
 */
public final class ManifestWriter {
    public static final String MANIFEST = "manifest.json";
    public static final String CHECKSUMS = "SHA256SUMS";

    private ManifestWriter() {
    }

    /** @return SHA-256 of manifest.json */
    public static String write(ExportFormat format, ExportSelection selection, ClassIndex classes,
                               List<ManifestEntry> entries, ExportSink sink) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("manifestVersion", 1);
        root.addProperty("generator", "Defect Studio dataset export");
        root.addProperty("format", format.cliName());
        root.addProperty("maskRule", "masks are binary: 255 = defect (stored value >= 128), 0 = background");
        root.add("selection", selection(selection));
        JsonArray classArray = new JsonArray();
        for (String name : classes.names()) {
            JsonObject c = new JsonObject();
            c.addProperty("index", classes.indexOf(name));
            c.addProperty("name", name);
            classArray.add(c);
        }
        root.add("classes", classArray);
        JsonArray items = new JsonArray();
        for (ManifestEntry m : entries) {
            items.add(item(m));
        }
        root.add("items", items);
        JsonArray files = new JsonArray();
        for (Map.Entry<String, ExportSink.FileRecord> f : sink.files().entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("path", f.getKey());
            o.addProperty("bytes", f.getValue().bytes());
            o.addProperty("sha256", f.getValue().sha256());
            files.add(o);
        }
        root.add("files", files);
        sink.write(MANIFEST, Json.pretty(root));

        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, ExportSink.FileRecord> f : sink.files().entrySet()) {
            sums.append(f.getValue().sha256()).append("  ").append(f.getKey()).append('\n');
        }
        sink.write(CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        return sink.files().get(MANIFEST).sha256();
    }

    private static JsonObject selection(ExportSelection s) {
        JsonObject o = new JsonObject();
        o.addProperty("approvedOnly", s.approvedOnly());
        JsonArray classes = new JsonArray();
        s.classes().stream().sorted().forEach(classes::add);
        o.add("classes", classes);
        o.add("annotatedFrom", Json.time(s.from()));
        o.add("annotatedTo", Json.time(s.to()));
        return o;
    }

    private static JsonObject item(ManifestEntry m) {
        JsonObject o = new JsonObject();
        o.addProperty("class", m.entry().item().className());
        o.addProperty("image", m.imagePath());
        o.add("mask", Json.string(m.maskPath()));
        if (!m.cocoAnnotationIds().isEmpty()) {
            JsonArray ids = new JsonArray();
            m.cocoAnnotationIds().forEach(ids::add);
            o.add("cocoAnnotationIds", ids);
        }
        o.addProperty("defectFree", m.defectFree());
        o.addProperty("sourceImageName", m.entry().item().imageName());
        o.addProperty("imageSha256", m.entry().imageSha256());
        Provenance p = m.entry().item().provenance();
        JsonObject prov = new JsonObject();
        prov.add("annotatedBy", Json.string(p.annotatedBy()));
        prov.add("annotationKind", Json.string(p.annotationKind()));
        prov.add("annotatedAt", Json.time(p.annotatedAt()));
        prov.add("approvedBy", Json.string(p.approvedBy()));
        prov.add("approvedAt", Json.time(p.approvedAt()));
        prov.add("predictedByModel", Json.string(p.predictedByModel()));
        prov.add("predictedAt", Json.time(p.predictedAt()));
        o.add("provenance", prov);
        return o;
    }
}
