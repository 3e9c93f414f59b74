package io.defectstudio.app.trainingui;

/** One point of a live training chart: step (or epoch) and value. */
public record ChartPoint(long x, double y) {
}
