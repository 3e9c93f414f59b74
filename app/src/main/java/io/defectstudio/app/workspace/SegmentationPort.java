package io.defectstudio.app.workspace;

import io.defectstudio.inference.ProbabilityMap;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;

/**
 * The few-shot engine as the workstation uses it: a background queue segmenting images against the current support
 * set. Implemented over the inference module's {@code SegmentationService}; listener calls come from worker threads.
 */
public interface SegmentationPort extends AutoCloseable {
    /** A support image with its mask. */
    record Support(BufferedImage image, BufferedImage mask) {
    }

    /**
     * One image's result: the mask at the model's threshold, the probabilities it was cut from (what the sensitivity
     * re-cuts), how sure the model is and how long it took.
     */
    record Result(BufferedImage mask, ProbabilityMap probability, double confidence, long latencyMillis) {
    }

    /** Results, called on a worker thread. */
    interface Listener {
        void segmented(long imageId, long generation, Result result);

        void failed(long imageId, long generation, Throwable error);
    }

    String modelName();

    /** The model's own threshold: what the sensitivity starts at. */
    double threshold();

    /** Whether the model fits itself to each new support set before its first result (seconds on a CPU). */
    boolean fitsToSupport();

    /** "CPU" or "GPU" (with the device name when known). */
    String deviceName();

    /** Replaces the support set; queued work for the old set is dropped. Returns the new generation number. */
    long setSupport(List<Support> support);

    /** Queues an image for segmentation under the current support set. */
    void submit(long imageId, Supplier<BufferedImage> image);

    /** Moves a queued image to the front. */
    void prioritise(long imageId);

    void cancelAll();

    void setListener(Listener listener);

    @Override
    void close();
}
