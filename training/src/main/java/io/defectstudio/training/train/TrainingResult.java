package io.defectstudio.training.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a meta-training run.
 *
 * @param bundle the written model bundle (best validation parameters)
 * @param bestValidationIou best held-out mIoU (training classes' held-out images; never the fold's test classes)
 * @param bestStep step after which the best score was measured
 * @param losses loss of every step
 * @param validationScores validation mIoU of every epoch
 * @param wallTime time spent in this process
 * @param threshold the bundle's defect threshold: calibrated on pseudo-defect episodes, or 0.5 if not asked for
 */
public record TrainingResult(Path bundle, double bestValidationIou, long bestStep, List<Float> losses,
        List<Double> validationScores, Duration wallTime, double threshold) {
}
