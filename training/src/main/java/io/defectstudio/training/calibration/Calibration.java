package io.defectstudio.training.calibration;

/**
 * The outcome of a threshold calibration.
 *
 * @param threshold the probability threshold with the highest IoU
 * @param iou the pooled foreground IoU at that threshold, in [0, 1]
 * @param iouAtHalf the pooled foreground IoU at 0.5, for comparison
 * @param episodes how many episodes it was measured on
 */
public record Calibration(double threshold, double iou, double iouAtHalf, int episodes) {}
