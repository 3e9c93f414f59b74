package io.defectstudio.app.gui;

import io.defectstudio.app.datasets.DatasetJob;
import io.defectstudio.app.datasets.DatasetJobWindow;
import io.defectstudio.app.demo.DemoProject;
import io.defectstudio.app.dialog.DialogService;
import io.defectstudio.app.dialog.FxDialogService;
import io.defectstudio.app.engine.ShippedModel;
import io.defectstudio.app.models.ModelVersionsWindow;
import io.defectstudio.app.queue.QueueOrder;
import io.defectstudio.app.review.ReviewWindow;
import io.defectstudio.app.settings.AppSettings;
import io.defectstudio.app.shortcut.Shortcuts;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.app.trainingui.TrainingWindow;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.app.workspace.ProjectStore;
import io.defectstudio.app.workspace.SegmentationPort;
import io.defectstudio.app.workspace.StorageProjectStore;
import io.defectstudio.app.workspace.WorkspaceViewModel;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.storage.LoginRefusedException;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.training.datasets.ExportFormat;
import io.defectstudio.training.datasets.ImportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one window and its workspace: opens the last project (or installs and opens the demo on first start), with
 * the segmentation engine, and wires the Project menu. Used by the application and by the GUI tests.
 */
public final class Workstation implements MainWindow.ProjectActions {
    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);
    private final AppSettings settings;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final EngineFactory engines;
    private final WorkspaceViewModel vm;
    private MainWindow window;
    private Stage stage;
    private Stage reviewStage;
    private TrainingWindow training;
    /** How the open project was logged in to (a shared project's role and typed password); reused to reopen it. */
    private ProjectOptions login = ProjectOptions.defaults();

    public Workstation(AppSettings settings, TaskExecutor tasks, DialogService dialogs, EngineFactory engines) {
        this.settings = settings;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.engines = engines;
        this.vm = new WorkspaceViewModel(tasks);
    }

    public void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(vm, dialogs, Shortcuts.defaults(), this);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(Workstation.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.session().projectNameProperty().concat(" - Defect Studio"));
        if (dialogs instanceof FxDialogService fx) {
            fx.setOwner(stage);
        }
        stage.setOnCloseRequest(e -> close());
        stage.show();
        restoreWorkingHabits();
        openInitialProject();
    }

    /**
     * Brush size and queue order come back as they were left: read off the UI thread, then remembered whenever they
     * change (a failure to save is only logged; the setting is a convenience).
     */
    private void restoreWorkingHabits() {
        tasks.execute(() -> new Habits(settings.brushRadius(), settings.queueOrder()), saved -> {
            saved.brushRadius().ifPresent(r -> vm.canvas().brushRadiusProperty().set(r));
            saved.queueOrder().ifPresent(o -> vm.queue().orderProperty().set(o));
            vm.canvas().brushRadiusProperty().addListener((o, a, b) -> remember(() ->
                    settings.setBrushRadius(b.doubleValue())));
            vm.queue().orderProperty().addListener((o, a, b) -> {
                if (b != null) {
                    remember(() -> settings.setQueueOrder(b));
                }
            });
        }, err -> LOG.warn("cannot read the saved brush size and queue order", err));
    }

    private record Habits(Optional<Double> brushRadius, Optional<QueueOrder> queueOrder) {
    }

    private interface SettingWrite {
        void run() throws IOException;
    }

    private void remember(SettingWrite write) {
        tasks.execute(() -> {
            write.run();
            return null;
        }, x -> { }, err -> LOG.warn("cannot save a setting", err));
    }

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    public MainWindow window() {
        return window;
    }

    /** The last opened project, else the demo project (installed into the data folder on first start). */
    private void openInitialProject() {
        open(options -> {
            Optional<Path> last = settings.lastProject();
            Path folder = last.isPresent() ? last.get() : DemoProject.install(settings.demoProjectDir());
            return StorageProjectStore.open(folder, settings.person(), options);
        }, ProjectOptions.defaults());
    }

    /** Opens or creates a project with a database login; the shared ones may need one. */
    @FunctionalInterface
    private interface Opener {
        ProjectStore open(ProjectOptions options) throws Exception;
    }

    /**
     * Opens a project in the background. When a shared project's server refuses the login (no password in
     * ~/.pgpass, or a wrong one), asks for the role and password and tries again.
     */
    private void open(Opener opener, ProjectOptions options) {
        tasks.execute(() -> {
            ProjectStore store = opener.open(options);
            StringBuilder problems = new StringBuilder();
            Optional<SegmentationPort> engine = engines.open(store, settings.detail(), problems::append);
            return new Opened(store, engine.orElse(null), problems.toString());
        }, opened -> {
            login = options;
            vm.open(opened.store(), opened.engine());
            try {
                settings.rememberProject(opened.store().folder());
            } catch (IOException e) {
                dialogs.showError("Settings", "Cannot remember the project: " + e.getMessage());
            }
            if (!opened.problems().isEmpty()) {
                dialogs.showError("Model", opened.problems());
            }
            trainingFor(opened.store().folder(), false);
        }, err -> {
            if (err instanceof LoginRefusedException refused) {
                askLogin(refused.getMessage(), options).ifPresent(retry -> open(opener, retry));
            } else {
                dialogs.showError("Cannot open the project", err);
            }
        });
    }

    private Optional<ProjectOptions> askLogin(String why, ProjectOptions tried) {
        String user = tried.user().orElse(System.getProperty("user.name"));
        return dialogs.askLogin("Log in to the shared project", why + "\n\nLog in as your station's database role"
                + " (the password is kept in memory only; ~/.pgpass avoids this question).", user)
                .map(l -> tried.withLogin(l.user(), l.password().isEmpty() ? null : l.password()));
    }

    private record Opened(ProjectStore store, SegmentationPort engine, String problems) {
    }

    @Override
    public void newProject() {
        dialogs.chooseFolder("Folder for the new project").ifPresent(folder ->
                dialogs.askText("New project", "Name:", folder.getFileName().toString()).ifPresent(name ->
                        open(options -> {
                            Files.createDirectories(folder);
                            return StorageProjectStore.create(folder, name, settings.person());
                        }, ProjectOptions.defaults())));
    }

    @Override
    public void openProject() {
        dialogs.chooseFolder("Open a project folder").ifPresent(folder -> open(options -> StorageProjectStore.open(
                folder, settings.person(), options), ProjectOptions.defaults()));
    }

    @Override
    public void newSharedProject() {
        dialogs.chooseFolder("Shared folder for the new project (every station mounts it; the images go there)")
                .ifPresent(folder -> dialogs.askText("New shared project", "Name:", folder.getFileName().toString())
                        .ifPresent(name -> dialogs.askText("New shared project", "The empty PostgreSQL database"
                                + " that holds it, as a JDBC URL without a password (the server's administrator"
                                + " creates it):", "jdbc:postgresql://server/defects").ifPresent(url ->
                                open(options -> {
                                    Files.createDirectories(folder);
                                    return StorageProjectStore.createShared(folder, url.strip(), name,
                                            settings.person(), options);
                                }, ProjectOptions.defaults()))));
    }

    @Override
    public void openSharedProject() {
        dialogs.chooseFolder("Open a shared project's folder (where the stations' images are)").ifPresent(folder ->
                askLogin("Opening the shared project in " + folder + ".", ProjectOptions.defaults())
                        .ifPresent(options -> open(o -> StorageProjectStore.open(folder, settings.person(), o),
                                options)));
    }

    @Override
    public void importFolder() {
        dialogs.chooseFolder("Import a folder of images").ifPresent(vm.folderImport()::run);
    }

    @Override
    public void importDataset() {
        vm.projectFolder().ifPresent(folder -> dialogs.chooseFolder("Dataset folder to import (YOLO segmentation,"
                + " Pascal VOC, COCO, labelme, sd4i, fssd12, PNG masks, image/mask pairs: the layout is detected)")
                .ifPresent(source ->
                tasks.execute(settings::person, person -> {
                    DatasetJob job = new DatasetJob(folder, login, tasks, () -> open(o -> StorageProjectStore.open(
                            folder, person, o), login));
                    DatasetJobWindow.show(stage, "Import dataset", job);
                    job.importFrom(source, ImportFormat.AUTO, person);
                }, err -> dialogs.showError("Import dataset", err))));
    }

    @Override
    public void exportDataset() {
        vm.projectFolder().ifPresent(folder -> dialogs.askText("Export dataset", "Format: "
                + String.join(", ", Arrays.stream(ExportFormat.values()).map(ExportFormat::cliName).toList())
                + " (every export has a manifest with provenance and SHA-256 checksums)", ExportFormat.SURFACE_DEFECT_4I
                .cliName()).ifPresent(text -> {
                    ExportFormat format;
                    try {
                        format = ExportFormat.fromCliName(text.strip());
                    } catch (IllegalArgumentException e) {
                        dialogs.showError("Export dataset", e.getMessage());
                        return;
                    }
                    dialogs.chooseFolder("Folder to export into (a new folder is made in it)").ifPresent(parent -> {
                        DatasetJob job = new DatasetJob(folder, login, tasks, () -> { });
                        DatasetJobWindow.show(stage, "Export dataset", job);
                        job.exportTo(freeFolder(parent, folder.getFileName() + "-" + format.cliName()), format, false);
                    });
                }));
    }

    /** {@code parent/name}, or {@code name-2}, {@code name-3}... when that exists: an export never writes into data. */
    private static Path freeFolder(Path parent, String name) {
        Path candidate = parent.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(name + "-" + n);
        }
        return candidate;
    }

    @Override
    public void openReview() {
        vm.projectFolder().ifPresent(folder -> tasks.execute(settings::person, name -> ReviewWindow.open(stage, folder,
                login, name, tasks, dialogs, s -> reviewStage = s), err -> dialogs.showError("Review", err)));
    }

    @Override
    public void openTraining() {
        vm.projectFolder().ifPresent(folder -> trainingFor(folder, true));
    }

    @Override
    public void chooseName() {
        Optional<Path> folder = vm.projectFolder();
        tasks.execute(settings::person, current -> dialogs.askText("Your name", "Your name, recorded with every mask"
                + " you paint and every decision you make:", current).ifPresent(name -> tasks.execute(() -> {
                    settings.setPerson(name);
                    return name;
                }, saved -> folder.ifPresent(f -> open(o -> StorageProjectStore.open(f, saved, o), login)),
                        err -> dialogs.showError("Your name", err))),
                err -> dialogs.showError("Your name", err));
    }

    @Override
    public void chooseDetail() {
        Optional<Path> folder = vm.projectFolder();
        tasks.execute(settings::detail, current -> dialogs.askText("Segmentation detail", "Working scale in pixels: a"
                + " larger image is shrunk until its longer side is this long, then segmented in tiles. Larger finds"
                + " smaller defects but is slower. 0 = the model's default (the status bar shows the detail in use);"
                + " 32.." + InferenceOptions.MAX_DETAIL + ".", Integer.toString(current)).ifPresent(text -> {
                    int detail;
                    try {
                        detail = Integer.parseInt(text.strip());
                        InferenceOptions.checkDetail(detail);
                    } catch (IllegalArgumentException e) {
                        dialogs.showError("Segmentation detail", "Not a working scale: '" + text + "'. Enter 0 or a"
                                + " number of pixels from 32 to " + InferenceOptions.MAX_DETAIL + ".");
                        return;
                    }
                    tasks.execute(() -> {
                        settings.setDetail(detail);
                        return settings.person();
                    }, person -> {
                        if (detail != current) {
                            folder.ifPresent(f -> open(o -> StorageProjectStore.open(f, person, o), login));
                        }
                    }, err -> dialogs.showError("Segmentation detail", "Cannot save the setting: "
                            + err.getMessage()));
                }), err -> dialogs.showError("Segmentation detail", err));
    }

    @Override
    public void openModels() {
        vm.projectFolder().ifPresent(folder -> ModelVersionsWindow.open(stage, folder, login, tasks, dialogs,
                this::shippedModel, () -> open(o -> StorageProjectStore.open(folder, settings.person(), o), login)));
    }

    /** The model shipped with the application, unpacked into the data folder once. */
    private Optional<Path> shippedModel() {
        try {
            return ShippedModel.extract(settings.dataDir().resolve("models").resolve("default"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the shipped model: " + e.getMessage(), e);
        }
    }

    /** Keeps one training dialog per open project; creating it resumes an interrupted run. */
    private void trainingFor(Path folder, boolean show) {
        if (training != null && training.folder().equals(folder)) {
            if (show) {
                training.show(stage);
            }
            return;
        }
        TrainingWindow previous = training;
        training = null;
        if (previous != null) {
            tasks.execute(() -> {
                previous.close();
                return null;
            }, x -> { }, err -> LOG.warn("Closing the training window of {} failed", previous.folder(), err));
        }
        TrainingWindow.open(folder, login, tasks, dialogs, this::shippedModel, w -> {
            training = w;
            if (show) {
                w.show(stage);
            }
        });
    }

    /** The open review window, if any (for tests). */
    public Optional<Stage> reviewStage() {
        return Optional.ofNullable(reviewStage);
    }

    @Override
    public void quit() {
        close();
        if (stage != null) {
            stage.close();
        }
    }

    /**
     * Shuts down in order: the other windows first (each hands its project's close to the writer), then training, the
     * workspace and its engine, and last the executors, which finish the pending writes. Closing a window after its
     * executor was gone crashed the JVM in GTK.
     */
    public void close() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w instanceof Stage other) {
                other.close();
            }
        }
        if (training != null) {
            training.close();
        }
        vm.close();
        tasks.close();
    }
}
