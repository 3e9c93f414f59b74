package io.defectstudio.app.models;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.defectstudio.app.task.TaskExecutor;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.eval.EvalReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model versions of a project: lists them with their training metrics, scores them on one held-out episode set
 * so they can be compared, makes one active, and rolls back to the version active before. Scoring runs in the
 * background; activation on the writer.
 */
public final class ModelVersionsViewModel {
    private final Project project;
    private final TaskExecutor tasks;
    private final ModelEvaluator evaluator;
    private final Supplier<List<Episode>> heldOut;
    private final Map<Long, double[]> scores = new HashMap<>();

    private final ObservableList<ModelVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /**
     * @param heldOut the comparison episodes, built off the UI thread; the same set for every version
     */
    public ModelVersionsViewModel(Project project, TaskExecutor tasks, ModelEvaluator evaluator,
                                  Supplier<List<Episode>> heldOut) {
        this.project = project;
        this.tasks = tasks;
        this.evaluator = evaluator;
        this.heldOut = heldOut;
    }

    public void load() {
        tasks.execute(() -> project.models().list(), this::show, this::failed);
    }

    private void show(List<ModelRecord> records) {
        List<ModelVersion> rows = new ArrayList<>();
        for (ModelRecord r : records) {
            double[] s = scores.get(r.id());
            rows.add(new ModelVersion(r.id(), r.name(), r.architecture(), r.createdAt(), r.active(),
                    trainingIou(r.metricsJson()), s == null ? OptionalDouble.empty() : OptionalDouble.of(s[0]),
                    s == null ? OptionalDouble.empty() : OptionalDouble.of(s[1])));
        }
        versions.setAll(rows);
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
                EvalReport r = evaluator.evaluate(project.models().get(v.id()).bundlePath(), episodes);
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

    /** Makes the version the one the workstation segments with. */
    public void activate(ModelVersion v) {
        tasks.write(() -> project.models().activate(v.id()), m -> {
            message.set(m.name() + " is now the active model");
            load();
        }, this::failed);
    }

    /** Re-activates the version that was active before the current one. */
    public void rollBack() {
        tasks.write(() -> project.models().previouslyActive().map(m -> project.models().activate(m.id())),
                m -> {
                    message.set(m.map(x -> "Rolled back to " + x.name()).orElse("No earlier active model"));
                    load();
                }, this::failed);
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
