package io.defectstudio.training.metrics;

/** Counts how often a model paints defect on defect-free images, and how much of each image it paints. */
public final class FalsePositiveCounter {

    private long images;
    private long imagesWithDefect;
    private double paintedFractionSum;

    public void add(BinaryMask prediction) {
        long area = prediction.area();
        images++;
        if (area > 0) {
            imagesWithDefect++;
        }
        paintedFractionSum += (double) area / ((long) prediction.width() * prediction.height());
    }

    public long images() {
        return images;
    }

    /** Share of defect-free images with at least one defect pixel. */
    public double falsePositiveRate() {
        return images == 0 ? 0 : (double) imagesWithDefect / images;
    }

    /** Mean share of each image's pixels painted as defect. */
    public double meanPaintedFraction() {
        return images == 0 ? 0 : paintedFractionSum / images;
    }
}
