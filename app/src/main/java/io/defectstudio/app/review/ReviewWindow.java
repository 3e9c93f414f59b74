package io.defectstudio.app.review;

import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.shortcut.Shortcuts;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/**
 * Opens the review mode for a project folder in its own window, with its own connection to the project (storage
 * is safe for several in one process). The project closes on the writer thread after the last verdict is stored.
 */
public final class ReviewWindow {
    /** The changes that alter what the review list shows. */
    private static final Set<String> LIVE_TABLES = Set.of("annotation", "prediction", "review", "image");

    private ReviewWindow() {
    }

    /**
     * Opens the review of a project in its own window: the project in the background, then the window, which goes to
     * {@code onShown}.
     *
     * @param supervisor the name the supervisor field starts with (the person set in the settings)
     */
    public static void open(Window owner, Path folder, ProjectOptions login, String supervisor, TaskExecutor tasks,
                            DialogService dialogs, Consumer<Stage> onShown) {
        tasks.execute(() -> Project.open(folder, login), project -> {
            ZoneId zone = ZoneId.systemDefault();
            ReviewViewModel vm = new ReviewViewModel(new StorageReviewStore(project), tasks, zone);
            vm.supervisorProperty().set(supervisor);
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(project.name() + " - Review - Defect Studio");
            ReviewView view = new ReviewView(vm, Shortcuts.defaults(), dialogs, zone);
            stage.setScene(new Scene(view, 1200, 720));
            // On a shared project the list fills as the inspectors accept and correct parts at their stations.
            AutoCloseable live = project.changes().subscribe(change -> {
                if (!change.ours() && LIVE_TABLES.contains(change.table())) {
                    tasks.runOnUi(vm::load);
                }
            });
            stage.setOnHidden(e -> {
                closeQuietly(live);
                close(project, tasks, dialogs);
            });
            stage.show();
            vm.load();
            onShown.accept(stage);
        }, err -> dialogs.showError("Cannot open the review", err));
    }

    private static void closeQuietly(AutoCloseable live) {
        try {
            live.close();
        } catch (Exception e) {
            // Only stops notifications to a window that is gone: worth a line in the log, not a dialog.
            LoggerFactory.getLogger(ReviewWindow.class).warn("cannot stop the review's change notices", e);
        }
    }

    private static void close(Project project, TaskExecutor tasks, DialogService dialogs) {
        try {
            tasks.write(() -> {
                project.close();
                return null;
            }, x -> { }, err -> dialogs.showError("Review", err));
        } catch (RejectedExecutionException shutDown) {
            // The workstation closed first and has already drained its writer.
            project.close();
        }
    }
}
