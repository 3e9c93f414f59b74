package io.defectstudio.app.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: deterministic view-model tests without an FX thread. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public <T> void write(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        execute(work, onSuccess, onFailure);
    }

    @Override
    public void flushWrites() {
    }

    @Override
    public void close() {
    }

    @Override
    public Executor writer() {
        return Runnable::run;
    }
}
