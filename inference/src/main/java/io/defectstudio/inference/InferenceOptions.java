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
 */
public record InferenceOptions(DeviceChoice device, int intraOpThreads, int interOpThreads) {

    public InferenceOptions {
        if (device == null) {
            throw new IllegalArgumentException("device must not be null");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = engine default)");
        }
    }

    public static InferenceOptions defaults() {
        return new InferenceOptions(DeviceChoice.AUTO, 0, 0);
    }

    public static InferenceOptions of(DeviceChoice device) {
        return new InferenceOptions(device, 0, 0);
    }

    public InferenceOptions withThreads(int intraOp, int interOp) {
        return new InferenceOptions(device, intraOp, interOp);
    }
}
