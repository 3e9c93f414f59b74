package io.defectstudio.app.trainingui;

import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The training dialog of one project. It lives as long as the project is open: closing the window only hides it,
 * the run goes on. Opening it resumes a run a crash or restart interrupted.
 */
public final class TrainingWindow implements AutoCloseable {
    private final Path folder;
    private final TrainingViewModel vm;
    private final DialogService dialogs;
    private Stage stage;

    private TrainingWindow(Path folder, TrainingViewModel vm, DialogService dialogs) {
        this.folder = folder;
        this.vm = vm;
        this.dialogs = dialogs;
    }

    /** Opens the project's training in the background (resuming an interrupted run), then hands it over. */
    /** @param shippedBundle the model shipped with the application, a run's start while no version is active */
    public static void open(Path folder, ProjectOptions login, TaskExecutor tasks, DialogService dialogs,
                            Supplier<Optional<Path>> shippedBundle, Consumer<TrainingWindow> ready) {
        tasks.execute(() -> Project.open(folder, login), project -> {
            TrainingViewModel vm = new TrainingViewModel(project, tasks, shippedBundle);
            vm.load();
            ready.accept(new TrainingWindow(folder, vm, dialogs));
        }, err -> dialogs.showError("Training", err));
    }

    public Path folder() {
        return folder;
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Train a model - Defect Studio");
            stage.setScene(new Scene(new TrainingView(vm, dialogs), 1000, 680));
        }
        stage.show();
        stage.toFront();
    }

    /** Stops a running run so that it resumes next time, and closes the project. */
    @Override
    public void close() {
        if (stage != null) {
            stage.hide();
        }
        vm.close();
    }
}
