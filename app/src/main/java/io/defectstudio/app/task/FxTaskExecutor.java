package io.defectstudio.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Background pool plus one writer thread; callbacks run on the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService background = Executors.newFixedThreadPool(2, named("ds-background"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(named("ds-writer"));

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(background, work, onSuccess, onFailure);
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(writer, work, onSuccess, onFailure);
    }

    @Override
    public Executor writer() {
        return writer;
    }

    @Override
    public void flushWrites() throws InterruptedException {
        try {
            writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("writer did not drain", e);
        }
    }

    private <T> void submit(ExecutorService pool, Callable<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
        try {
            pool.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Throwable t) {
                    Platform.runLater(() -> onFailure.accept(t));
                }
            });
        } catch (RejectedExecutionException closed) {
            // A late callback of a closed window: a read is no longer wanted, but a write must not vanish unsaid.
            if (pool == writer) {
                Platform.runLater(() -> onFailure.accept(new IllegalStateException(
                        "the workstation is closing: this change was not saved", closed)));
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        background.shutdownNow();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(!prefix.contains("writer"));
            return t;
        };
    }
}
