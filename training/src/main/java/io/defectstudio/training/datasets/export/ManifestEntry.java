package io.defectstudio.training.datasets.export;

import java.util.List;

/**
 * Where one item ended up in an export.
 *
 * @param maskPath          the mask file, or null where the layout keeps no mask file (COCO, defect-free in Nd)
 * @param cocoAnnotationIds the COCO annotation ids made from this item's mask (empty for other layouts)
 */
public record ManifestEntry(ExportEntry entry, String imagePath, String maskPath, boolean defectFree,
                            List<Integer> cocoAnnotationIds) {
    public ManifestEntry {
        cocoAnnotationIds = List.copyOf(cocoAnnotationIds);
    }
}
