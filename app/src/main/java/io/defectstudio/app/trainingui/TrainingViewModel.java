package io.defectstudio.app.trainingui;

import io.defectstudio.app.models.TrainingObserver;
import io.defectstudio.app.models.TrainingRequest;
import io.defectstudio.app.models.TrainingService;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.inference.nets.Architecture;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.mobilenet.MobileNetV2Backbone;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.classes.DefectClass;
import io.defectstudio.storage.models.ModelRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The training dialog's state: the run settings, the running run's progress, ETA and live loss / validation-mIoU
 * series, and start / cancel. Runs go through the {@link TrainingService}, which keeps training when the dialog is
 * closed; its reports reach the properties on the UI thread.
 */
public final class TrainingViewModel implements AutoCloseable {
    /** Architectures that learn (the training-free matcher has nothing to train). */
    public static final List<String> ARCHITECTURES = Architecture.trainableOnes().stream()
            .map(Architecture::cliName).toList();

    private final Project project;
    private final TaskExecutor tasks;
    private final TrainingService service;

    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<String> chosenClasses = FXCollections.observableArrayList();
    /** Accepted and corrected masks per class, as last read. */
    private final Map<String, Integer> masks = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper readiness = new ReadOnlyStringWrapper("");
    private final IntegerProperty shots = new SimpleIntegerProperty(1);
    private final StringProperty architecture = new SimpleStringProperty(Architecture.DEFAULT_TRAINED.cliName());
    private final StringProperty backbone = new SimpleStringProperty(MobileNetV2Backbone.NAME);
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty stepsPerEpoch = new SimpleIntegerProperty(100);
    private final BooleanProperty fromActiveModel = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> benchmarkFolder = new SimpleObjectProperty<>();
    private final IntegerProperty benchmarkFold = new SimpleIntegerProperty(0);
    private final IntegerProperty inputSize = new SimpleIntegerProperty(200);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<ChartPoint> losses = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationIous = FXCollections.observableArrayList();
    private volatile long runId = -1;

    public TrainingViewModel(Project project, TaskExecutor tasks) {
        this(project, tasks, Optional::empty);
    }

    /** @param shippedBundle the model shipped with the application, which "from the active model" may start from */
    public TrainingViewModel(Project project, TaskExecutor tasks, Supplier<Optional<Path>> shippedBundle) {
        this.project = project;
        this.tasks = tasks;
        this.service = new TrainingService(project, shippedBundle, tasks.writer());
        chosenClasses.addListener((ListChangeListener<String>) c -> updateReadiness());
        shots.addListener((o, a, b) -> updateReadiness());
        benchmarkFolder.addListener((o, a, b) -> updateReadiness());
    }

    /**
     * Lists the classes with their masks, ticks the ones that have enough for the chosen shots, and resumes a run a
     * crash or restart interrupted.
     */
    public void load() {
        tasks.execute(() -> service.usableMasks(project.classes().list().stream().map(DefectClass::name).toList()),
                counts -> {
                    masks.clear();
                    masks.putAll(counts);
                    classes.setAll(counts.keySet());
                    if (chosenClasses.isEmpty()) {
                        int needed = TrainingService.masksNeeded(shots.get());
                        chosenClasses.setAll(counts.entrySet().stream().filter(e -> e.getValue() >= needed)
                                .map(Map.Entry::getKey).toList());
                    }
                    updateReadiness();
                }, this::failed);
        // The run's own reports set "running": it may report (or even finish) before this callback arrives.
        tasks.execute(() -> service.resumeInterrupted(observer()), resumed -> {
            if (!resumed.isEmpty()) {
                runId = resumed.get(0).run().id();
            }
        }, this::failed);
    }

    public void start() {
        if (running.get()) {
            message.set("A run is already going; cancel it first");
            return;
        }
        TrainingRequest request;
        try {
            request = new TrainingRequest(List.copyOf(chosenClasses), shots.get(), architecture.get(), backbone.get(),
                    epochs.get(), stepsPerEpoch.get(), 1, fromActiveModel.get(), benchmarkFolder.get(),
                    benchmarkFold.get(), inputSize.get(), System.currentTimeMillis() % 100_000);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        losses.clear();
        validationIous.clear();
        progress.set(0);
        eta.set("");
        running.set(true);
        message.set("Preparing the run…");
        tasks.execute(() -> service.start(request, observer()), started -> {
            runId = started.run().id();
            message.set("Training run " + runId + " started; you can keep labelling");
        }, e -> {
            running.set(false);
            failed(e);
        });
    }

    /** Stops the run at its next step; the active model stays as it is. */
    public void cancel() {
        if (runId >= 0) {
            service.cancel(runId);
            message.set("Cancelling…");
        }
    }

    private TrainingObserver observer() {
        return new TrainingObserver() {
            @Override
            public void onStep(long id, long step, long total, double loss, Duration remaining) {
                runId = id;
                tasks.runOnUi(() -> {
                    running.set(true);
                    progress.set((double) step / total);
                    eta.set(step + " / " + total + " steps, about " + format(remaining) + " left");
                    if (Double.isFinite(loss)) {
                        // A skipped step (its loss was not finite) has no point on the chart.
                        losses.add(new ChartPoint(step, loss));
                    }
                });
            }

            @Override
            public void onEpoch(long id, int epoch, double meanLoss, double validationIou) {
                tasks.runOnUi(() -> validationIous.add(new ChartPoint(epoch, validationIou)));
            }

            @Override
            public void onCalibrating(long id, int done, int total) {
                tasks.runOnUi(() -> message.set("Calibrating the defect threshold on made-up defects: " + done + " / "
                        + total));
            }

            @Override
            public void onResumed(long id, long step) {
                tasks.runOnUi(() -> {
                    running.set(true);
                    message.set("Resumed run " + id + " from its checkpoint at step " + step);
                });
            }

            @Override
            public void onCompleted(long id, ModelRecord model) {
                tasks.runOnUi(() -> {
                    running.set(false);
                    progress.set(1);
                    eta.set("");
                    message.set("Finished: registered model " + model.name()
                            + " (not active yet: compare it in Model versions)");
                });
            }

            @Override
            public void onCancelled(long id) {
                tasks.runOnUi(() -> {
                    running.set(false);
                    eta.set("");
                    message.set("Run " + id + " cancelled; the active model is unchanged");
                });
            }

            @Override
            public void onFailed(long id, Throwable error) {
                tasks.runOnUi(() -> {
                    running.set(false);
                    eta.set("");
                    failed(error);
                });
            }
        };
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : s + " s";
    }

    private void failed(Throwable t) {
        message.set("Error: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }

    /** Stops training without cancelling (it resumes next time) and closes the project. */
    @Override
    public void close() {
        service.close();
        project.close();
    }

    public static List<String> backbones() {
        return Backbones.NAMES;
    }

    /** The accepted and corrected masks a class has, or -1 before they were counted. */
    public int masksOf(String className) {
        return masks.getOrDefault(className, -1);
    }

    /** What the run would train on, or plainly what is missing, before the user presses Start. */
    public ReadOnlyStringProperty readinessProperty() {
        return readiness.getReadOnlyProperty();
    }

    private void updateReadiness() {
        if (masks.isEmpty()) {
            readiness.set(benchmarkFolder.get() == null ? "No classes yet: label some images first" : "");
            return;
        }
        int needed = TrainingService.masksNeeded(shots.get());
        List<String> lacking = chosenClasses.stream().filter(c -> masks.getOrDefault(c, 0) < needed).toList();
        if (!lacking.isEmpty()) {
            readiness.set(lacking.stream().map(c -> c + " has " + masks.getOrDefault(c, 0) + " accepted or corrected"
                    + " masks").collect(Collectors.joining("; ")) + "; " + shots.get() + "-shot training needs "
                    + needed + " per class. Accept or correct more, or untick it.");
        } else if (chosenClasses.isEmpty() && benchmarkFolder.get() == null) {
            long enough = masks.values().stream().filter(n -> n >= needed).count();
            readiness.set(enough == 0 ? "No class has the " + needed + " accepted or corrected masks " + shots.get()
                    + "-shot training needs yet: accept or correct more images"
                    : "Tick the classes to train on");
        } else {
            readiness.set("Ready: " + chosenClasses.stream().map(c -> c + " (" + masks.get(c) + " masks)")
                    .collect(Collectors.joining(", ")));
        }
    }

    public ObservableList<String> classes() {
        return classes;
    }

    public ObservableList<String> chosenClasses() {
        return chosenClasses;
    }

    public IntegerProperty shotsProperty() {
        return shots;
    }

    public StringProperty architectureProperty() {
        return architecture;
    }

    public StringProperty backboneProperty() {
        return backbone;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty stepsPerEpochProperty() {
        return stepsPerEpoch;
    }

    public BooleanProperty fromActiveModelProperty() {
        return fromActiveModel;
    }

    public ObjectProperty<Path> benchmarkFolderProperty() {
        return benchmarkFolder;
    }

    public IntegerProperty benchmarkFoldProperty() {
        return benchmarkFold;
    }

    public IntegerProperty inputSizeProperty() {
        return inputSize;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<ChartPoint> losses() {
        return losses;
    }

    public ObservableList<ChartPoint> validationIous() {
        return validationIous;
    }
}
