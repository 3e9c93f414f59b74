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
 */
public record EvalOptions(int limit, int normalImages, DeviceChoice device, int threads, List<Double> sweep,
        int detail) {

    public EvalOptions(int limit, int normalImages, DeviceChoice device, int threads, List<Double> sweep) {
        this(limit, normalImages, device, threads, sweep, 0);
    }

    public EvalOptions {
        if (limit < 0 || normalImages < -1 || threads < 0) {
            throw new IllegalArgumentException("Need limit >= 0, normalImages >= -1, threads >= 0");
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
        return new EvalOptions(newLimit, normalImages, device, threads, sweep, detail);
    }

    public EvalOptions withNormalImages(int count) {
        return new EvalOptions(limit, count, device, threads, sweep, detail);
    }

    /** The engine settings this evaluation runs its segmenter with. */
    public InferenceOptions inference() {
        return new InferenceOptions(device, threads, 0, detail);
    }
}
