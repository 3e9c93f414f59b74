package io.defectstudio.app.models;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.eval.EvalReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model versions of a project, the shipped model first: lists them with their training metrics, scores them on
 * one held-out episode set so they can be compared, advises against a version that scores below the active one,
 * makes one active (the shipped model: none), rolls back to the version active before, or to the shipped model, and
 * adds a bundle built elsewhere.
 * Scoring runs in the background; activation on the writer.
 */
public final class ModelVersionsViewModel {
    static final String SHIPPED_NAME = "Shipped model (default)";
    /** A validation mIoU under this means the run learned nothing usable (a 0.0 % run painted image corners). */
    private static final double MEANINGLESS_IOU = 0.01;

    private final Project project;
    private final TaskExecutor tasks;
    private final ModelEvaluator evaluator;
    private final Supplier<List<Episode>> heldOut;
    private final Supplier<Optional<Path>> shippedBundle;
    private final Runnable onActiveChanged;
    private final Map<Long, double[]> scores = new HashMap<>();

    private final ObservableList<ModelVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /**
     * @param heldOut         the comparison episodes, built off the UI thread; the same set for every version
     * @param shippedBundle   the model shipped with the application, found off the UI thread
     * @param onActiveChanged runs on the UI thread after the active model changed (the workstation reloads it)
     */
    public ModelVersionsViewModel(Project project, TaskExecutor tasks, ModelEvaluator evaluator,
                                  Supplier<List<Episode>> heldOut, Supplier<Optional<Path>> shippedBundle,
                                  Runnable onActiveChanged) {
        this.project = project;
        this.tasks = tasks;
        this.evaluator = evaluator;
        this.heldOut = heldOut;
        this.shippedBundle = shippedBundle;
        this.onActiveChanged = onActiveChanged;
    }

    public void load() {
        tasks.execute(() -> project.models().list(), this::show, this::failed);
    }

    private void show(List<ModelRecord> records) {
        List<ModelVersion> rows = new ArrayList<>();
        boolean anyActive = records.stream().anyMatch(ModelRecord::active);
        rows.add(new ModelVersion(ModelVersion.SHIPPED, SHIPPED_NAME, "shipped", Instant.EPOCH, !anyActive,
                OptionalDouble.empty(), score(ModelVersion.SHIPPED, 0), score(ModelVersion.SHIPPED, 1), ""));
        for (ModelRecord r : records) {
            rows.add(new ModelVersion(r.id(), r.name(), r.architecture(), r.createdAt(), r.active(),
                    trainingIou(r.metricsJson()), score(r.id(), 0), score(r.id(), 1), ""));
        }
        ModelVersion active = rows.stream().filter(ModelVersion::active).findFirst().orElseThrow();
        versions.setAll(rows.stream().map(v -> v.withAdvice(advice(v, active))).toList());
    }

    private OptionalDouble score(long id, int which) {
        double[] s = scores.get(id);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s[which]);
    }

    /**
     * Why {@code v} should not replace {@code active}: it learned nothing, or it scores below the active model on the
     * same held-out episodes or in training validation. Empty when there is no such reason.
     */
    static String advice(ModelVersion v, ModelVersion active) {
        if (v.active()) {
            return "";
        }
        if (v.trainingIou().isPresent() && v.trainingIou().getAsDouble() < MEANINGLESS_IOU) {
            return String.format(Locale.ROOT, "not recommended: it scored %.1f %% in training",
                    100 * v.trainingIou().getAsDouble());
        }
        if (v.heldOutIou().isPresent() && active.heldOutIou().isPresent()
                && v.heldOutIou().getAsDouble() < active.heldOutIou().getAsDouble()) {
            return String.format(Locale.ROOT, "not recommended: %.1f %% on the held-out episodes, the active model"
                    + " %.1f %%", 100 * v.heldOutIou().getAsDouble(), 100 * active.heldOutIou().getAsDouble());
        }
        if (v.trainingIou().isPresent() && active.trainingIou().isPresent()
                && v.trainingIou().getAsDouble() < active.trainingIou().getAsDouble()) {
            return String.format(Locale.ROOT, "not recommended: %.1f %% in training validation, the active model"
                    + " %.1f %%", 100 * v.trainingIou().getAsDouble(), 100 * active.trainingIou().getAsDouble());
        }
        return "";
    }

    private static OptionalDouble trainingIou(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            return o.has("validation_mIoU") ? OptionalDouble.of(o.get("validation_mIoU").getAsDouble())
                    : OptionalDouble.empty();
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Scores the given versions on the held-out episodes (one background job), then shows the scores. */
    public void compare(List<ModelVersion> chosen) {
        if (chosen.isEmpty()) {
            message.set("Choose the versions to compare");
            return;
        }
        busy.set(true);
        message.set("Scoring " + chosen.size() + " version(s) on the held-out episodes…");
        tasks.execute(() -> {
            List<Episode> episodes = heldOut.get();
            Map<Long, double[]> result = new HashMap<>();
            for (ModelVersion v : chosen) {
                Path bundle = v.shipped()
                        ? shippedBundle.get().orElseThrow(() -> new IllegalStateException("no model is shipped"))
                        : project.models().get(v.id()).bundlePath();
                EvalReport r = evaluator.evaluate(bundle, episodes);
                result.put(v.id(), new double[] {r.meanIou(), r.fbIou()});
            }
            return result;
        }, result -> {
            busy.set(false);
            scores.putAll(result);
            message.set("Compared " + result.size() + " version(s) on the same held-out episodes");
            load();
        }, this::failed);
    }

    /**
     * Adds a model bundle built elsewhere: checks it (a damaged or foreign bundle is refused with the reason), copies
     * it into the project's models folder and registers it as a version, not active, with its manifest's metrics.
     */
    public void add(Path bundle) {
        busy.set(true);
        message.set("Checking and copying " + bundle.getFileName() + "…");
        tasks.execute(() -> {
            ModelBundle checked = ModelBundle.load(bundle);
            Path copy = BundleCopy.into(project.folder().resolve("models"), checked);
            try {
                return ModelBundle.load(copy);
            } catch (RuntimeException e) {
                BundleCopy.delete(copy);
                throw e;
            }
        }, copy -> tasks.write(() -> {
            try {
                Manifest m = copy.manifest();
                return project.models().register(m.name(), copy.location(), m.architecture(),
                        metricsJson(m, bundle));
            } catch (RuntimeException e) {
                BundleCopy.delete(copy.location());
                throw e;
            }
        }, record -> {
            busy.set(false);
            message.set("Added " + record.name() + ": compare it on the held-out episodes, or make it active");
            load();
        }, this::failed), this::failed);
    }

    private static String metricsJson(Manifest m, Path source) {
        JsonObject metrics = new JsonObject();
        m.metrics().forEach(metrics::addProperty);
        metrics.addProperty("added_from", source.toAbsolutePath().toString());
        return metrics.toString();
    }

    /**
     * What the user should know before {@code v} becomes active (it is not recommended, see {@link #advice}); empty
     * when nothing speaks against it. The view asks before it calls {@link #activate}.
     */
    public Optional<String> activationWarning(ModelVersion v) {
        return v.advice().isEmpty() ? Optional.empty() : Optional.of(v.name() + " is " + v.advice()
                + ". Activate it anyway?");
    }

    /** Makes the version the one the workstation segments with; the shipped model: no registered version. */
    public void activate(ModelVersion v) {
        tasks.write(() -> {
            if (v.shipped()) {
                project.models().deactivateAll();
                return SHIPPED_NAME;
            }
            return project.models().activate(v.id()).name();
        }, name -> changed(name + " is now the active model"), this::failed);
    }

    /** Re-activates the version that was active before the current one; without one, the shipped model. */
    public void rollBack() {
        tasks.write(() -> {
            Optional<ModelRecord> previous = project.models().previouslyActive();
            if (previous.isPresent()) {
                return project.models().activate(previous.get().id()).name();
            }
            if (project.models().active().isEmpty()) {
                return null;
            }
            project.models().deactivateAll();
            return SHIPPED_NAME;
        }, name -> {
            if (name == null) {
                message.set("Nothing to roll back: the shipped model is in use and no other was ever active");
                load();
            } else {
                changed("Rolled back to " + name);
            }
        }, this::failed);
    }

    private void changed(String text) {
        message.set(text);
        load();
        onActiveChanged.run();
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set("Error: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }

    public ObservableList<ModelVersion> versions() {
        return versions;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
