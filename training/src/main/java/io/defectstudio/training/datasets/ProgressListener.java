package io.defectstudio.training.datasets;

/** Told how far an export or import has got; called on the worker thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    void progress(int done, int total, String message);
}
