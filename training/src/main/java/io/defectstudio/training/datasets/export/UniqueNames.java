package io.defectstudio.training.datasets.export;

import io.defectstudio.training.datasets.io.ImageFiles;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * File names for images that share one folder. An image keeps its own name unless another image in the same
 * folder has the same stem (ignoring case) (masks are named {@code <stem>.png}); then both get {@code <stem>_<first 8
 * hex of
 * SHA-256>.<ext>}, which depends only on the data.
 */
public final class UniqueNames {
    private UniqueNames() {
    }

    /** @return export file name for each entry of one folder, keyed by the entry */
    public static Map<ExportEntry, String> assign(List<ExportEntry> folder) {
        Map<String, Integer> stems = new HashMap<>();
        for (ExportEntry e : folder) {
            stems.merge(key(e), 1, Integer::sum);
        }
        Map<ExportEntry, String> names = new LinkedHashMap<>();
        for (ExportEntry e : folder) {
            String name = safe(e.item().imageName());
            if (stems.get(key(e)) > 1) {
                String ext = ImageFiles.extension(name);
                name = ImageFiles.stem(name) + "_" + e.imageSha256().substring(0, 8) + (ext.isEmpty() ? "" : "." + ext);
            }
            names.put(e, name);
        }
        return names;
    }

    private static String key(ExportEntry e) {
        return ImageFiles.stem(safe(e.item().imageName())).toLowerCase(Locale.ROOT);
    }

    private static String safe(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.isBlank() || base.startsWith(".") ? "image" + base : base;
    }
}
