package io.defectstudio.app.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the training dialog asks for; stored as the run's configuration so a restart can resume the same run.
 *
 * @param classes         project classes whose accepted and corrected masks make the episodes
 * @param shots           K of the K-shot episodes
 * @param architecture    lerenet, eamnet or baseline
 * @param backbone        compact, resnet18 or resnet50
 * @param epochs          validations (and checkpoints) during the run
 * @param stepsPerEpoch   optimizer steps between validations; each step trains on {@code batchSize} episodes
 * @param batchSize       episodes per step
 * @param fromActiveModel start from the active model's backbone instead of random weights
 * @param benchmarkFolder optional Defect-8i / Surface Defect-4i folder whose fold training classes are added
 * @param benchmarkFold   the fold whose training classes are taken from the benchmark folder
 * @param inputSize       square network input side
 * @param seed            seeds the sampling and initialisation
 */
public record TrainingRequest(List<String> classes, int shots, String architecture, String backbone, int epochs,
                              int stepsPerEpoch, int batchSize, boolean fromActiveModel, Path benchmarkFolder,
                              int benchmarkFold, int inputSize, long seed) {

    public TrainingRequest {
        classes = List.copyOf(classes);
        if (classes.isEmpty() && benchmarkFolder == null) {
            throw new IllegalArgumentException("Choose at least one class (or a benchmark folder) to train on");
        }
        if (shots < 1 || epochs < 1 || stepsPerEpoch < 1 || batchSize < 1 || inputSize < 32) {
            throw new IllegalArgumentException("Need shots, epochs, steps per epoch and batch size >= 1, "
                    + "input size >= 32");
        }
    }

    public long totalSteps() {
        return (long) epochs * stepsPerEpoch;
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        JsonArray names = new JsonArray();
        classes.forEach(names::add);
        o.add("classes", names);
        o.addProperty("shots", shots);
        o.addProperty("architecture", architecture);
        o.addProperty("backbone", backbone);
        o.addProperty("epochs", epochs);
        o.addProperty("stepsPerEpoch", stepsPerEpoch);
        o.addProperty("batchSize", batchSize);
        o.addProperty("fromActiveModel", fromActiveModel);
        if (benchmarkFolder != null) {
            o.addProperty("benchmarkFolder", benchmarkFolder.toString());
        }
        o.addProperty("benchmarkFold", benchmarkFold);
        o.addProperty("inputSize", inputSize);
        o.addProperty("seed", seed);
        return o.toString();
    }

    public static TrainingRequest fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<String> classes = new ArrayList<>();
        o.getAsJsonArray("classes").forEach(e -> classes.add(e.getAsString()));
        Path bench = o.has("benchmarkFolder") ? Path.of(o.get("benchmarkFolder").getAsString()) : null;
        return new TrainingRequest(classes, o.get("shots").getAsInt(), o.get("architecture").getAsString(),
                o.get("backbone").getAsString(), o.get("epochs").getAsInt(), o.get("stepsPerEpoch").getAsInt(),
                o.get("batchSize").getAsInt(), o.get("fromActiveModel").getAsBoolean(), bench,
                o.get("benchmarkFold").getAsInt(), o.get("inputSize").getAsInt(), o.get("seed").getAsLong());
    }
}
