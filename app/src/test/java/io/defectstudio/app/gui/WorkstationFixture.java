package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.canvas.CanvasView;
import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.queue.ImageStatus;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.task.FxTaskExecutor;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real workstation window on a temporary data folder and helps tests drive it; closes it after each test.
 */
public class WorkstationFixture extends FxRobot {
    /** The app's data folder for this test. */
    @TempDir
    protected Path data;
    protected Stage stage;
    protected Workstation workstation;
    protected TestDialogs dialogs;

    protected void startWorkstation(Path dataDir) throws Exception {
        startWorkstation(dataDir, Engines.production(new AppSettings(dataDir)));
    }

    protected void startWorkstation(Path dataDir, EngineFactory engines) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        dialogs = new TestDialogs();
        FxToolkit.setupFixture(() -> {
            workstation = new Workstation(new AppSettings(dataDir), new FxTaskExecutor(), dialogs, engines);
            workstation.start(stage);
        });
        waitFor(30, () -> vm().canvas().mask().isPresent() && !vm().queue().visible().isEmpty());
    }

    @AfterEach
    void closeAfterTest() throws Exception {
        stopWorkstation();
    }

    /** Closes the window the way the user does: pending writes finish, the project closes. */
    protected void stopWorkstation() throws Exception {
        FxToolkit.setupFixture(() -> {
            workstation.close();
            stage.hide();
        });
    }

    protected WorkspaceViewModel vm() {
        return workstation.viewModel();
    }

    protected CanvasView canvas() {
        return workstation.window().canvasView();
    }

    /** Gives the canvas keyboard focus without clicking (a click would paint). */
    protected void focusCanvas() {
        fx(() -> {
            canvas().requestFocus();
            return null;
        });
    }

    /** Screen point of an image pixel. */
    protected Point2D screenOf(double ix, double iy) {
        return fx(() -> canvas().localToScreen(canvas().imageToLocal(ix, iy)));
    }

    /** Whether the canvas shows {@code e} with its mask, loaded (call on the FX thread, as waitFor does). */
    protected boolean shows(QueueEntry e) {
        QueueEntry cur = vm().queue().currentProperty().get();
        return cur != null && cur.imageId() == e.imageId() && vm().editor().shownImageId().orElse(-1) == e.imageId()
                && vm().canvas().mask().isPresent();
    }

    /**
     * Shows the first image whose prediction is in, and waits until the canvas shows it: a late prediction then cannot
     * race the test's edits.
     */
    protected QueueEntry showFirstPrediction() throws Exception {
        waitFor(60, () -> vm().queue().visible().stream().anyMatch(e -> e.status() == ImageStatus.PREDICTED));
        QueueEntry target = fx(() -> vm().queue().visible().stream().filter(e -> e.status() == ImageStatus.PREDICTED)
                .findFirst().orElseThrow());
        fx(() -> {
            vm().editor().select(target);
            return null;
        });
        waitFor(20, () -> current().imageId() == target.imageId() && vm().canvas().imageProperty().get() != null
                && vm().canvas().mask().get().width() == vm().canvas().imageProperty().get().width());
        return target;
    }

    protected QueueEntry current() {
        return fx(() -> vm().queue().currentProperty().get());
    }

    /** Runs {@code c} on the JavaFX thread and returns its result (10 s at most). */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text a label draws, which ends in an ellipsis where the label is too narrow for its text. */
    public static String shownText(Labeled labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }

    /** Waits until {@code condition}, checked on the JavaFX thread, holds; fails the test after {@code seconds}. */
    public static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (fx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue(fx(condition::getAsBoolean), "condition not met within " + seconds + " s");
    }
}
