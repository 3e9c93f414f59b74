package io.defectstudio.training.eval;

import io.defectstudio.inference.DeviceChoice;

/**
 * How an evaluation runs.
 *
 * @param limit score only the first N episodes of the list (0 = all); a quick run, not the benchmark figure
 * @param normalImages defect-free tiles (MT_Free) scored for the false-positive rate (0 = skip, -1 = all)
 * @param device where the network runs
 * @param threads intra-op threads (0 = engine default)
 */
public record EvalOptions(int limit, int normalImages, DeviceChoice device, int threads) {

    public EvalOptions {
        if (limit < 0 || normalImages < -1 || threads < 0) {
            throw new IllegalArgumentException("Need limit >= 0, normalImages >= -1, threads >= 0");
        }
    }

    /** All episodes, all defect-free tiles, automatic device. */
    public static EvalOptions full() {
        return new EvalOptions(0, -1, DeviceChoice.AUTO, 0);
    }

    public EvalOptions withLimit(int newLimit) {
        return new EvalOptions(newLimit, normalImages, device, threads);
    }

    public EvalOptions withNormalImages(int count) {
        return new EvalOptions(limit, count, device, threads);
    }
}
