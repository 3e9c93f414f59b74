package io.defectstudio.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and delivers results on it. Production: {@link FxTaskExecutor}; tests: {@link
 * CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {
    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now if already there). */
    void runOnUi(Runnable action);

    /** Runs {@code work} on the single writer thread (SQLite has one writer), then the callbacks on the UI thread. */
    <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * The single writer thread itself, for work already off the UI thread that waits for its writes (a training run
     * recording its progress), so that they queue with every other write instead of contending for the database.
     */
    Executor writer();

    /** Waits until queued writes have finished; used before closing a project. */
    void flushWrites() throws InterruptedException;

    @Override
    void close();
}
