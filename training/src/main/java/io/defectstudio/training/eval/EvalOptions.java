package io.defectstudio.training.eval;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import java.util.List;

/**
 * How an evaluation runs.
 *
 * @param limit score only the first N episodes of the list (0 = all); a quick run, not the benchmark figure
 * @param normalImages defect-free tiles (MT_Free) scored for the false-positive rate (0 = skip, -1 = all)
 * @param device where the network runs
 * @param threads intra-op threads (0 = engine default)
 * @param sweep thresholds at which mIoU is also reported (empty = only the model's own)
 * @param detail working size in pixels (0 = the model's own input size), see {@link InferenceOptions#detail}
 * @param supportCacheMiB memory for support-view features reused across episodes, see {@link
 *     InferenceOptions#supportCacheMiB}; it changes the speed only, never a score
 */
public record EvalOptions(int limit, int normalImages, DeviceChoice device, int threads, List<Double> sweep,
        int detail, int supportCacheMiB) {

    /**
     * The support cache an evaluation gets by default: a 5-shot list shows each image in about ten episodes, and 2 GiB
     * holds about 1,400 support views of 320x320 for the default model (1.4 MB each; about 220 for the backbone pair,
     * 9.4 MB each), at two views per shot half as many images.
     */
    public static final int DEFAULT_SUPPORT_CACHE_MIB = 2048;

    public EvalOptions(int limit, int normalImages, DeviceChoice device, int threads, List<Double> sweep,
            int detail) {
        this(limit, normalImages, device, threads, sweep, detail, DEFAULT_SUPPORT_CACHE_MIB);
    }

    public EvalOptions(int limit, int normalImages, DeviceChoice device, int threads, List<Double> sweep) {
        this(limit, normalImages, device, threads, sweep, 0);
    }

    public EvalOptions {
        if (limit < 0 || normalImages < -1 || threads < 0 || supportCacheMiB < 0) {
            throw new IllegalArgumentException("Need limit >= 0, normalImages >= -1, threads >= 0, support cache >= 0");
        }
        InferenceOptions.checkDetail(detail);
        sweep = List.copyOf(sweep);
        for (double t : sweep) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("Sweep thresholds must lie in (0, 1), got " + t);
            }
        }
    }

    /** No sweep. */
    public EvalOptions(int limit, int normalImages, DeviceChoice device, int threads) {
        this(limit, normalImages, device, threads, List.of());
    }

    /** All episodes, all defect-free tiles, automatic device. */
    public static EvalOptions full() {
        return new EvalOptions(0, -1, DeviceChoice.AUTO, 0);
    }

    public EvalOptions withLimit(int newLimit) {
        return new EvalOptions(newLimit, normalImages, device, threads, sweep, detail, supportCacheMiB);
    }

    public EvalOptions withNormalImages(int count) {
        return new EvalOptions(limit, count, device, threads, sweep, detail, supportCacheMiB);
    }

    /** The engine settings this evaluation runs its segmenter with. */
    public InferenceOptions inference() {
        return new InferenceOptions(device, threads, 0, detail, supportCacheMiB);
    }
}
