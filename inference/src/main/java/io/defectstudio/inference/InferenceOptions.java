package io.defectstudio.inference;

/**
 * Engine settings for a {@link Segmenter}.
 *
 * <p>Thread counts apply process-wide to the native engine (PyTorch has one intra-op pool per process); 0 keeps the
 * engine's default. The inter-op count only takes effect if set before the engine first loads.
 *
 * @param device where to run
 * @param intraOpThreads threads one operator may use
 * @param interOpThreads threads running independent operators
 * @param detail working scale: an image is shrunk until its longer side is {@code detail} pixels (never enlarged past
 *     its own size) and segmented in tiles of the network input size (0 = the model's default); larger finds smaller
 *     defects and costs about quadratically more
 * @param supportCacheMiB memory for the features of support views already encoded, reused when a view comes back in
 *     another support set (0 = none; {@link io.defectstudio.inference.nets.SupportFeatureCache})
 */
public record InferenceOptions(DeviceChoice device, int intraOpThreads, int interOpThreads, int detail,
        int supportCacheMiB) {

    /** Largest working scale accepted: its working image (3 x 2048 x 2048 floats) stays at 50 MB. */
    public static final int MAX_DETAIL = 2048;

    public InferenceOptions(DeviceChoice device, int intraOpThreads, int interOpThreads) {
        this(device, intraOpThreads, interOpThreads, 0, 0);
    }

    public InferenceOptions {
        checkDetail(detail);
        if (device == null) {
            throw new IllegalArgumentException("device must not be null");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = engine default)");
        }
        if (supportCacheMiB < 0) {
            throw new IllegalArgumentException("the support cache must be >= 0 MiB (0 = none), got " + supportCacheMiB);
        }
    }

    /** Refuses a working scale outside 32..{@link #MAX_DETAIL} (0, the model's default, is allowed). */
    public static void checkDetail(int detail) {
        if (detail != 0 && (detail < 32 || detail > MAX_DETAIL)) {
            throw new IllegalArgumentException("detail must be 0 (the model's default) or 32.." + MAX_DETAIL
                    + " pixels, got " + detail);
        }
    }

    public static InferenceOptions defaults() {
        return new InferenceOptions(DeviceChoice.AUTO, 0, 0);
    }

    public static InferenceOptions of(DeviceChoice device) {
        return new InferenceOptions(device, 0, 0);
    }

    public InferenceOptions withThreads(int intraOp, int interOp) {
        return new InferenceOptions(device, intraOp, interOp, detail, supportCacheMiB);
    }

    public InferenceOptions withDetail(int detail) {
        return new InferenceOptions(device, intraOpThreads, interOpThreads, detail, supportCacheMiB);
    }
}
