package io.defectstudio.app.workspace;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How readily the active class's predictions paint a defect: the threshold their stored probability maps are cut at,
 * the model's own to start with. Moving it re-cuts the prediction on screen at once, and once it settles the queue
 * sorts its predictions into "defect" and "no defect" again; the network does not run again. Each class keeps its
 * own setting for as long as the project is open.
 */
public final class Sensitivity {

    /** The range the slider offers: a threshold outside it paints everything or nothing. */
    public static final double MIN = 0.05;
    public static final double MAX = 0.95;
    /** One key press: five points of probability. */
    public static final double STEP = 0.05;

    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final Map<Long, Double> byClass = new HashMap<>();
    private double model = 0.5;
    private Long classId;
    private Runnable onSettled = () -> { };

    Sensitivity() {
        threshold.addListener((o, a, b) -> {
            double t = clamp(b.doubleValue());
            if (t != b.doubleValue()) {
                threshold.set(t);
            } else if (classId != null) {
                byClass.put(classId, t);
            }
        });
    }

    void setOnSettled(Runnable onSettled) {
        this.onSettled = onSettled;
    }

    /** A model was opened (or none: unavailable); every class starts again from its threshold. */
    void modelOpened(SegmentationPort engine) {
        byClass.clear();
        available.set(engine != null);
        model = engine == null ? 0.5 : clamp(engine.threshold());
        threshold.set(model);
    }

    /** The active class changed: its own setting comes back, else the model's. */
    void classChanged(Long id) {
        classId = null;
        threshold.set(id == null ? model : byClass.getOrDefault(id, model));
        classId = id;
    }

    /** The user let go of the control: the queue's statuses follow the new threshold. */
    public void settle() {
        onSettled.run();
    }

    /** One step more sensitive (a lower threshold: more is painted), settled at once. */
    public void moreSensitive() {
        threshold.set(Math.round((threshold.get() - STEP) * 100) / 100.0);
        settle();
    }

    /** One step less sensitive (a higher threshold), settled at once. */
    public void lessSensitive() {
        threshold.set(Math.round((threshold.get() + STEP) * 100) / 100.0);
        settle();
    }

    /** Back to the model's own threshold. */
    public void reset() {
        threshold.set(model);
        settle();
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public double threshold() {
        return threshold.get();
    }

    /** The model's own threshold. */
    public double modelThreshold() {
        return model;
    }

    /** The threshold predictions are re-cut at; NaN while it is the model's own (shown as the model cut them). */
    double cutAt() {
        return isModels() ? Double.NaN : threshold.get();
    }

    /** Whether the mask the model cut is what this setting cuts too (so the stored mask can be shown as it is). */
    boolean isModels() {
        return Math.abs(threshold.get() - model) < 1e-9;
    }

    /** Whether there is a model whose predictions it could re-cut. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    private static double clamp(double t) {
        return Math.max(MIN, Math.min(MAX, t));
    }
}
