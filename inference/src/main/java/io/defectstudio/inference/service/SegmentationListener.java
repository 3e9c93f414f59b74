package io.defectstudio.inference.service;

import io.defectstudio.inference.Segmentation;

/**
 * Receives the service's results. Called on a worker thread: a UI must hand the values over to its own thread
 * (e.g. {@code Platform.runLater}) and return quickly. Exceptions thrown here are logged and otherwise ignored.
 */
public interface SegmentationListener {

    /** One query is done; emitted as soon as it is ready, never for cancelled or invalidated work. */
    void onResult(String id, Segmentation result);

    /** One query failed (unreadable image, engine error); the rest of the queue goes on. */
    void onError(String id, Exception error);

    /**
     * Progress for the current support set: {@code done} results and errors out of {@code total} queries submitted
     * and not cancelled.
     */
    default void onProgress(int done, int total) {}
}
