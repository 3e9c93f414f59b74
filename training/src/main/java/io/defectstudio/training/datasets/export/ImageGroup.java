package io.defectstudio.training.datasets.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One distinct image of an export (by SHA-256) with its file name and every class it is exported for, for the layouts
 * that keep each image once and all its classes together (COCO, YOLO, VOC, labelme).
 *
 * @param fileName the image's name in the export, unique among the images ({@link UniqueNames})
 * @param byClass  its entries in class-index order; the first stands for the image
 */
public record ImageGroup(String fileName, List<ExportEntry> byClass) {
    public ImageGroup {
        byClass = List.copyOf(byClass);
    }

    /** The entry whose image file is copied. */
    public ExportEntry first() {
        return byClass.get(0);
    }

    /** The images of {@code entries}, in the order they first appear. */
    public static List<ImageGroup> of(List<ExportEntry> entries) {
        Map<String, List<ExportEntry>> bySha = new LinkedHashMap<>();
        for (ExportEntry e : entries) {
            bySha.computeIfAbsent(e.imageSha256(), k -> new ArrayList<>()).add(e);
        }
        List<ExportEntry> firsts = bySha.values().stream().map(l -> l.get(0)).toList();
        Map<ExportEntry, String> names = UniqueNames.assign(firsts);
        List<ImageGroup> groups = new ArrayList<>();
        for (ExportEntry first : firsts) {
            List<ExportEntry> perClass = new ArrayList<>(bySha.get(first.imageSha256()));
            perClass.sort(Comparator.comparingInt(ExportEntry::classIndex));
            groups.add(new ImageGroup(names.get(first), perClass));
        }
        return groups;
    }
}
