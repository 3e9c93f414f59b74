package io.defectstudio.app.review;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Size of a part's defect: area in pixels, the image's pixel count and the number of connected regions.
 *
 * @param defectPixels pixels marked defect (>= 128)
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
        Raster r = mask.getRaster();
        int w = mask.getWidth();
        long defect = 0;
        int[] row = new int[w];
        for (int y = 0; y < mask.getHeight(); y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                if (v >= 128) {
                    defect++;
                }
            }
        }
        return new MaskMeasure(defect, (long) w * mask.getHeight(), ConnectedRegions.count(mask));
    }

    /** Defect area as a share of the image, in [0, 1]. */
    public double share() {
        return (double) defectPixels / imagePixels;
    }

    public boolean defective() {
        return defectPixels > 0;
    }
}
