package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.DatasetFormatException;
import io.defectstudio.training.datasets.ImportFormat;
import io.defectstudio.training.datasets.coco.CocoReader;
import io.defectstudio.training.datasets.labelme.LabelmeReader;
import io.defectstudio.training.datasets.voc.VocReader;
import io.defectstudio.training.datasets.yolo.YoloSegReader;
import io.defectstudio.training.datasets.layout.ClassFolderReader;
import io.defectstudio.training.datasets.layout.ImagePairReader;
import io.defectstudio.training.datasets.layout.PngMaskReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks the layout of a source folder, most specific first: COCO (an annotation file with images and
 * annotations), PNG masks ({@code images/} + {@code masks/}), Surface Defect-4i ({@code <Class>/Images} +
 * {@code GT} with {@code Nd} or TGRNet lists), FSSD-12 (the same without), labelme JSON files, image/mask pairs.
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    public static ImportFormat detect(Path source) throws IOException {
        if (!Files.exists(source)) {
            throw new DatasetFormatException("import source " + source + " does not exist");
        }
        if (CocoReader.matches(source)) {
            return ImportFormat.COCO;
        }
        if (YoloSegReader.matches(source)) {
            return ImportFormat.YOLO_SEG;
        }
        if (VocReader.matches(source)) {
            return ImportFormat.VOC;
        }
        if (Files.isDirectory(source)) {
            if (PngMaskReader.matches(source)) {
                return ImportFormat.PNG_MASKS;
            }
            if (ClassFolderReader.matches(source)) {
                return isSd4i(source) ? ImportFormat.SURFACE_DEFECT_4I : ImportFormat.FSSD_12;
            }
        }
        if (LabelmeReader.matches(source)) {
            return ImportFormat.LABELME;
        }
        if (Files.isDirectory(source) && ImagePairReader.matches(source)) {
            return ImportFormat.IMAGE_MASK_PAIRS;
        }
        throw new DatasetFormatException("cannot tell the dataset layout of " + source + "; expected COCO, "
                + "YOLO segmentation (data.yaml), Pascal VOC, Surface Defect-4i, FSSD-12, images/ + masks/, "
                + "labelme JSON or image/mask pairs per class folder");
    }

    public static DatasetReader reader(ImportFormat format) {
        return switch (format) {
            case SURFACE_DEFECT_4I, FSSD_12 -> new ClassFolderReader();
            case COCO -> new CocoReader();
            case PNG_MASKS -> new PngMaskReader();
            case IMAGE_MASK_PAIRS -> new ImagePairReader();
            case LABELME -> new LabelmeReader();
            case YOLO_SEG -> new YoloSegReader();
            case VOC -> new VocReader();
            case AUTO -> throw new IllegalArgumentException("detect the format first");
        };
    }

    private static boolean isSd4i(Path root) throws IOException {
        if (Files.isDirectory(root.resolve("data_list/train"))
                && Folders.files(root.resolve("data_list/train")).stream()
                .anyMatch(p -> p.getFileName().toString().endsWith("_defective.txt"))) {
            return true;
        }
        for (Path c : Folders.dirs(root)) {
            if (Files.isDirectory(c.resolve("Nd"))) {
                return true;
            }
        }
        return false;
    }
}
