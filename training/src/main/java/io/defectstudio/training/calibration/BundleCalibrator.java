package io.defectstudio.training.calibration;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.bundle.WeightsFile;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.training.adapt.BundleOpener;
import io.defectstudio.training.episodes.EpisodeStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Calibrates a written model bundle's threshold, with a given support tuning, and stores both, with the IoU reached,
 * in its model.json.
 */
public final class BundleCalibrator {

    /** The metric name under which model.json keeps the calibration IoU. */
    public static final String METRIC = "calibration_pseudo_defect_IoU";

    private BundleCalibrator() {
    }

    /**
     * Calibrates the bundle's threshold with {@code tuning} and rewrites its model.json with both, and with whether
     * support sets choose their own threshold ({@code thresholdFromSupport}).
     */
    public static Calibration calibrate(Path bundlePath, SupportTuning tuning, boolean thresholdFromSupport,
            EpisodeStream episodes, int count, IntConsumer progress) {
        ModelBundle bundle = ModelBundle.load(bundlePath);
        Calibration calibration;
        try (Segmenter segmenter = BundleOpener.open(bundle, tuning, InferenceOptions.of(DeviceChoice.AUTO))) {
            calibration = ThresholdCalibrator.calibrate(segmenter, episodes, count, progress);
        }
        WeightsFile weights = bundle.readWeights();
        try {
            ModelBundle.write(bundlePath, bundle.manifest().withThreshold(calibration.threshold(), tuning, METRIC,
                    calibration.iou()).withSupportThreshold(thresholdFromSupport), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite " + bundlePath + " with the calibrated threshold", e);
        }
        return calibration;
    }
}
