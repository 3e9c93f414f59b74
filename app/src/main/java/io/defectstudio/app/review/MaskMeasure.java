package io.defectstudio.app.review;

import io.defectstudio.inference.Masks;
import io.defectstudio.training.metrics.ConnectedComponents;
import java.awt.image.BufferedImage;

/**
 * Size of a part's defect: area in pixels, the image's pixel count and the number of connected regions.
 *
 * @param defectPixels pixels marked defect ({@link Masks})
 * @param imagePixels  width x height of the image
 * @param regions      8-connected defect regions
 */
public record MaskMeasure(long defectPixels, long imagePixels, int regions) {
    public static final MaskMeasure NONE = new MaskMeasure(0, 1, 0);

    public MaskMeasure {
        if (imagePixels < 1 || defectPixels < 0 || defectPixels > imagePixels || regions < 0) {
            throw new IllegalArgumentException("inconsistent measure " + defectPixels + "/" + imagePixels);
        }
    }

    public static MaskMeasure of(BufferedImage mask) {
        boolean[] defect = Masks.defects(mask);
        long n = 0;
        for (boolean d : defect) {
            n += d ? 1 : 0;
        }
        return new MaskMeasure(n, defect.length, ConnectedComponents.count(defect, mask.getWidth(), mask.getHeight()));
    }

    /** Defect area as a share of the image, in [0, 1]. */
    public double share() {
        return (double) defectPixels / imagePixels;
    }

    public boolean defective() {
        return defectPixels > 0;
    }
}
