package io.defectstudio.training.datasets;

import java.util.Arrays;
import java.util.Locale;

/** Layouts that can be imported; {@link #AUTO} looks at the folder and picks one. */
public enum ImportFormat {
    AUTO("auto"),
    /** {@code <Class>/Images/<name>.<ext>}, {@code <Class>/GT/<name>.png}, optional {@code <Class>/Nd/}. */
    SURFACE_DEFECT_4I("sd4i"),
    /** Same folders as Surface Defect-4i without {@code Nd}. */
    FSSD_12("fssd12"),
    COCO("coco"),
    /** {@code images/<Class>/<image>} with {@code masks/<Class>/<stem>.png}. */
    PNG_MASKS("png-masks"),
    /** Image and mask side by side: {@code <Class>/[Imgs/]<stem>.jpg} + {@code <stem>.png} (magnetic-tile layout). */
    IMAGE_MASK_PAIRS("pairs"),
    /** labelme {@code .json} files with polygon or rectangle shapes, one class per shape label. */
    LABELME("labelme"),
    /** Ultralytics YOLO segmentation: {@code data.yaml}, {@code images/}, {@code labels/} with normalised polygons. */
    YOLO_SEG("yolo-seg"),
    /** Pascal VOC: {@code JPEGImages/}, {@code SegmentationClass/} palette PNGs (index = class), labelmap.txt. */
    VOC("voc");

    private final String cliName;

    ImportFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ImportFormat fromCliName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import format '" + name + "', expected one of "
                        + Arrays.stream(values()).map(ImportFormat::cliName).toList()));
    }
}
