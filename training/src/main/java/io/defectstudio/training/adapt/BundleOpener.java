package io.defectstudio.training.adapt;

import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.nets.Architectures;

/**
 * Opens a bundle the way its manifest says: tuned to each support set or as is, with the threshold its manifest gives
 * or the one each support set chooses.
 */
public final class BundleOpener {

    private BundleOpener() {
    }

    public static Segmenter open(ModelBundle bundle, InferenceOptions options) {
        return open(bundle, bundle.manifest().supportTuning(), options);
    }

    /** Opens a bundle with {@code tuning} instead of its manifest's (calibration tries a setting before writing it). */
    public static Segmenter open(ModelBundle bundle, Manifest.SupportTuning tuning, InferenceOptions options) {
        Segmenter segmenter = tuning.enabled() ? TunedSegmenter.open(bundle, tuning, options)
                : DjlSegmenter.open(bundle, options, Architectures::create);
        return bundle.manifest().supportThreshold()
                ? new SupportThresholdSegmenter(segmenter, bundle.manifest().threshold()) : segmenter;
    }
}
