package io.defectstudio.app.review;

import java.util.List;

/**
 * Per-class figures of the summary view.
 *
 * @param colourHex  the class's colour
 * @param inspected  parts inspected for this class
 * @param defective  parts whose mask marks a defect
 * @param areaCounts defective parts per area bin ({@link SummaryStatistics#AREA_BINS})
 * @param medianArea median defect area in pixels over the defective parts (0 when none)
 */
public record ClassSummary(String className, String colourHex, int inspected, int defective, List<Integer> areaCounts,
                           long medianArea) {
    public ClassSummary {
        areaCounts = List.copyOf(areaCounts);
    }

    /** Defective parts as a share of inspected ones, in [0, 1]. */
    public double defectiveShare() {
        return inspected == 0 ? 0 : (double) defective / inspected;
    }
}
