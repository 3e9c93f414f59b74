package io.defectstudio.training.calibration;

import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeStream;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.ThresholdSweep;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Picks a model's defect threshold on episodes of classes it has never seen.
 *
 * <p>Heads trained with BCE on a few classes are confident on those classes and timid on new ones: on the benchmark's
 * unseen classes their best threshold lies between 0.05 and 0.4, and at 0.5 they paint a fraction of each defect.
 * Held-out images of the training classes cannot reveal that, so the threshold is chosen on pseudo-defect episodes,
 * whose classes are new by construction. On three of the four benchmark folds this recovers most of the loss; on
 * low-contrast texture classes it stays too high (docs/benchmarks.md, "Calibrating the threshold").
 */
public final class ThresholdCalibrator {

    private ThresholdCalibrator() {
    }

    /**
     * Segments the first {@code count} episodes of the stream and returns the threshold with the highest mIoU over
     * them (pseudo-defect episodes are one class, so that is their pooled IoU); ties go to the one nearest 0.5.
     *
     * @param progress told the number of episodes done after each one
     */
    public static Calibration calibrate(Segmenter segmenter, EpisodeStream episodes, int count,
            IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("Calibration needs at least one episode");
        }
        ThresholdSweep sweep = new ThresholdSweep(ThresholdSweep.GRID);
        for (int e = 0; e < count; e++) {
            Episode episode = episodes.episode(e);
            Segmentation result = segment(segmenter, episode);
            sweep.add(episode.className(), result.probability(), result.width(), result.height(),
                    BinaryMask.fromGray(episode.query().mask()));
            progress.accept(e + 1);
        }
        Map<Double, Double> iou = sweep.meanIou();
        double best = sweep.best(0.5);
        return new Calibration(best, iou.get(best), iou.get(0.5), count);
    }

    private static Segmentation segment(Segmenter segmenter, Episode episode) {
        try (PreparedSupport support = segmenter.prepare(Sample.supportSet(episode.supports()))) {
            return segmenter.segment(support, episode.query().image());
        }
    }
}
