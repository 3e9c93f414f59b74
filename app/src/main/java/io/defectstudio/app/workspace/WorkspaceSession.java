package io.defectstudio.app.workspace;

import io.defectstudio.app.task.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open project and its model, and the one way the workstation's parts reach them: reads run in the background,
 * writes on the one writer thread, and results, errors and the status message come back on the UI thread.
 */
public final class WorkspaceSession {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);

    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper projectName = new ReadOnlyStringWrapper("No project");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("No model");
    private final ReadOnlyStringWrapper deviceName = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper savedVersions = new ReadOnlyIntegerWrapper();
    // read by the engine listener on a worker thread
    private volatile ProjectStore store;
    private volatile SegmentationPort engine;

    WorkspaceSession(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    void open(ProjectStore project, SegmentationPort segmentation) {
        store = project;
        engine = segmentation;
        projectName.set(project.name());
        modelName.set(segmentation == null ? "No model" : segmentation.modelName());
        deviceName.set(segmentation == null ? "-" : segmentation.deviceName());
    }

    /** Stops the engine, lets queued writes finish, then closes the store. */
    void close() {
        SegmentationPort e = engine;
        if (e != null) {
            engine = null;
            e.cancelAll();
            e.close();
        }
        ProjectStore s = store;
        if (s != null) {
            try {
                tasks.flushWrites();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            store = null;
            s.close();
        }
        message.set("");
    }

    /** The open project, or null. */
    ProjectStore store() {
        return store;
    }

    /** The open project's segmentation engine, or null when it has none. */
    SegmentationPort engine() {
        return engine;
    }

    <T> void read(Callable<T> work, Consumer<T> onSuccess) {
        read(work, onSuccess, () -> { });
    }

    /** A background read; on failure {@code onFailure} runs on the UI thread and the error is reported. */
    <T> void read(Callable<T> work, Consumer<T> onSuccess, Runnable onFailure) {
        tasks.execute(work, onSuccess, err -> {
            onFailure.run();
            reportError("Reading the project", err);
        });
    }

    /** A background read whose failure is only logged, not shown (thumbnails). */
    <T> void readQuietly(Callable<T> work, Consumer<T> onSuccess, String what) {
        tasks.execute(work, onSuccess, err -> LOG.warn("{} failed", what, err));
    }

    <T> void write(Callable<T> work, Consumer<T> onSuccess) {
        write(work, onSuccess, () -> { });
    }

    /** A write on the writer thread; on failure {@code onFailure} runs on the UI thread and the error is reported. */
    <T> void write(Callable<T> work, Consumer<T> onSuccess, Runnable onFailure) {
        tasks.write(work, onSuccess, err -> {
            onFailure.run();
            reportError("Saving", err);
        });
    }

    <T> void write(Callable<T> work, Consumer<T> onSuccess, String what) {
        tasks.write(work, onSuccess, err -> reportError(what, err));
    }

    void runOnUi(Runnable action) {
        tasks.runOnUi(action);
    }

    void say(String text) {
        message.set(text);
    }

    /** News the inspector must not miss (another station's work crossed theirs): the message and a notice. */
    void announce(String text) {
        message.set(text);
        notice.set("");
        notice.set(text);
    }

    /** Counts one mask version written in this session. */
    void countSaved() {
        savedVersions.set(savedVersions.get() + 1);
    }

    void reportError(String what, Throwable err) {
        String text = what + " failed: " + (err.getMessage() == null ? err.toString() : err.getMessage());
        tasks.runOnUi(() -> message.set(text));
        LOG.warn(text, err);
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceNameProperty() {
        return deviceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Set to each piece of news the window shows as a notification (see {@link #announce}). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Mask versions written in this session (strokes, acceptances, support changes). */
    public ReadOnlyIntegerProperty savedVersionsProperty() {
        return savedVersions.getReadOnlyProperty();
    }
}
