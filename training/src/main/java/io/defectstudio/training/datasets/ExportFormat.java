package io.defectstudio.training.datasets;

import java.util.Arrays;
import java.util.Locale;

/** Layouts a selection can be exported in; {@link #cliName()} is what {@code defect-studio export --format} accepts. */
public enum ExportFormat {
    /** {@code <Class>/Images}, {@code <Class>/GT}, {@code <Class>/Nd} and TGRNet-style {@code data_list} fold files. */
    SURFACE_DEFECT_4I("sd4i"),
    /** {@code <Class>/Images}, {@code <Class>/GT} and CPANet-style {@code data_list} fold files. */
    FSSD_12("fssd12"),
    /** COCO instance segmentation, one instance per connected component, compressed RLE. */
    COCO("coco"),
    /** The same COCO with each instance as a polygon (holes come back filled), for tools that read no RLE. */
    COCO_POLYGON("coco-polygon"),
    /** {@code images/<Class>/<image>} with {@code masks/<Class>/<image stem>.png}. */
    PNG_MASKS("png-masks"),
    /** Ultralytics YOLO segmentation: {@code data.yaml}, {@code images/train}, {@code labels/train} polygons. */
    YOLO_SEG("yolo-seg"),
    /** Pascal VOC: {@code JPEGImages/}, {@code SegmentationClass/} palette PNGs (index = class), labelmap.txt. */
    VOC("voc"),
    /** labelme {@code <stem>.json} beside each image: one polygon shape per connected component. */
    LABELME("labelme");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ExportFormat fromCliName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + name + "', expected one of "
                        + Arrays.stream(values()).map(ExportFormat::cliName).toList()));
    }
}
