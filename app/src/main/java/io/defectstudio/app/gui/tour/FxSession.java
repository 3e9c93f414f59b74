package io.defectstudio.app.gui.tour;

import io.defectstudio.app.dialog.FxDialogService;
import io.defectstudio.app.gui.Workstation;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.app.workspace.EngineFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/** A real workstation window started from a command (benchmarks, screenshots), driven from the calling thread. */
public final class FxSession implements AutoCloseable {
    private final Workstation workstation;
    private final Stage stage;

    private FxSession(Workstation workstation, Stage stage) {
        this.workstation = workstation;
        this.stage = stage;
    }

    public static FxSession start(AppSettings settings, EngineFactory engines, double width, double height)
            throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        return onFx(() -> {
            Stage stage = new Stage();
            stage.setWidth(width);
            stage.setHeight(height);
            Workstation w = new Workstation(settings, new FxTaskExecutor(), new FxDialogService(), engines);
            w.start(stage);
            return new FxSession(w, stage);
        });
    }

    public Workstation workstation() {
        return workstation;
    }

    public Stage stage() {
        return stage;
    }

    public static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds; false on timeout. */
    public static boolean await(int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (onFx(condition::getAsBoolean)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            workstation.close();
            stage.close();
            return null;
        });
        Platform.exit();
    }
}
