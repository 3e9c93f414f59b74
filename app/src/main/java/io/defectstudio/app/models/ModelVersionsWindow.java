package io.defectstudio.app.models;

import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Lists model versions (the shipped model first), compares them on the held-out episodes side by side, activates one
 * (asking first when it is not recommended), rolls back, or adds a bundle built elsewhere.
 */
public final class ModelVersionsWindow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int EPISODES_PER_CLASS = 10;

    private ModelVersionsWindow() {
    }

    /**
     * @param shippedBundle   finds the model shipped with the application (off the UI thread)
     * @param onActiveChanged runs after the user changed the active model, so that the workstation loads it
     */
    public static void open(Window owner, Path folder, ProjectOptions login, TaskExecutor tasks, DialogService dialogs,
                            Supplier<Optional<Path>> shippedBundle, Runnable onActiveChanged) {
        tasks.execute(() -> Project.open(folder, login), project -> {
            ModelVersionsViewModel vm = new ModelVersionsViewModel(project, tasks, new BenchmarkModelEvaluator(),
                    () -> HeldOutEpisodes.fromProject(project, 1, EPISODES_PER_CLASS), shippedBundle,
                    onActiveChanged);
            Stage stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Model versions - Defect Studio");
            stage.setScene(new Scene(view(vm, dialogs), 1060, 480));
            stage.setOnHidden(e -> tasks.write(() -> {
                project.close();
                return null;
            }, x -> { }, err -> dialogs.showError("Model versions", err)));
            stage.show();
            vm.load();
        }, err -> dialogs.showError("Model versions", err));
    }

    static BorderPane view(ModelVersionsViewModel vm, DialogService dialogs) {
        TableView<ModelVersion> table = new TableView<>(vm.versions());
        table.setId("models-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("Version", ModelVersion::name, 220));
        table.getColumns().add(column("Architecture", ModelVersion::architecture, 100));
        table.getColumns().add(column("Created", v -> v.shipped() ? "with the application"
                : TIME.format(v.createdAt().atZone(ZoneId.systemDefault())), 130));
        table.getColumns().add(column("Active", v -> v.active() ? "active" : "", 60));
        table.getColumns().add(column("Training val. mIoU", v -> percent(v.trainingIou()), 120));
        table.getColumns().add(column("Held-out mIoU", v -> percent(v.heldOutIou()), 110));
        table.getColumns().add(column("Held-out FB-IoU", v -> percent(v.heldOutFbIou()), 110));
        table.getColumns().add(column("Advice", ModelVersion::advice, 320));
        Button compare = new Button("Compare selected on held-out episodes");
        compare.setId("models-compare");
        compare.disableProperty().bind(vm.busyProperty());
        compare.setOnAction(e -> vm.compare(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button activate = new Button("Make active");
        activate.setId("models-activate");
        activate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        activate.setOnAction(e -> {
            ModelVersion chosen = table.getSelectionModel().getSelectedItem();
            Optional<String> warning = vm.activationWarning(chosen);
            if (warning.isEmpty() || dialogs.confirm("Activate a model that is not recommended", warning.get())) {
                vm.activate(chosen);
            }
        });
        Button rollBack = new Button("Roll back");
        rollBack.setId("models-rollback");
        rollBack.setOnAction(e -> vm.rollBack());
        Button add = new Button("Add a model bundle…");
        add.setId("models-add");
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> dialogs.chooseFolder("Model bundle folder (holding model.json), from train or"
                + " build-matcher").ifPresent(vm::add));
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.load());
        Label message = new Label();
        message.setId("models-message");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 4, 8));
        BorderPane pane = new BorderPane(table);
        pane.setTop(new ToolBar(compare, activate, rollBack, add, reload));
        pane.setBottom(message);
        return pane;
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %%", 100 * v.getAsDouble()) : "-";
    }

    private static TableColumn<ModelVersion, String> column(String title, Function<ModelVersion, String> value,
                                                          double width) {
        TableColumn<ModelVersion, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
