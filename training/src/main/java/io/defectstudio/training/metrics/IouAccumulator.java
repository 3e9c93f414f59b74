package io.defectstudio.training.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates the benchmark's IoU figures over episodes: per class, intersections and unions are summed over its
 * episodes before dividing (not averaged per episode); FB-IoU sums foreground and background over all episodes.
 */
public final class IouAccumulator {

    private final Map<String, long[]> perClass = new LinkedHashMap<>();
    private long fgIntersection;
    private long fgUnion;
    private long bgIntersection;
    private long bgUnion;

    /** Adds one episode; the prediction must already be at the ground truth's (original) size. */
    public void add(String className, BinaryMask prediction, BinaryMask truth) {
        if (prediction.width() != truth.width() || prediction.height() != truth.height()) {
            throw new IllegalArgumentException("Prediction " + prediction.width() + "x" + prediction.height()
                    + " is not at the ground truth's size " + truth.width() + "x" + truth.height());
        }
        boolean[] p = prediction.pixels();
        boolean[] t = truth.pixels();
        long fi = 0;
        long fu = 0;
        long bi = 0;
        long bu = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] && t[i]) {
                fi++;
            }
            if (p[i] || t[i]) {
                fu++;
            }
            if (!p[i] && !t[i]) {
                bi++;
            }
            if (!p[i] || !t[i]) {
                bu++;
            }
        }
        long[] sums = perClass.computeIfAbsent(className, k -> new long[3]);
        sums[0] += fi;
        sums[1] += fu;
        sums[2]++;
        fgIntersection += fi;
        fgUnion += fu;
        bgIntersection += bi;
        bgUnion += bu;
    }

    /** Foreground IoU per class, in the order classes were first seen; a class with an empty union scores 1. */
    public Map<String, Double> classIou() {
        Map<String, Double> iou = new LinkedHashMap<>();
        perClass.forEach((name, sums) -> iou.put(name, ratio(sums[0], sums[1])));
        return iou;
    }

    /** Episodes added per class. */
    public Map<String, Long> classEpisodes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        perClass.forEach((name, sums) -> counts.put(name, sums[2]));
        return counts;
    }

    /** Mean of the per-class IoU. */
    public double meanIou() {
        return classIou().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Mean of the foreground and background IoU, each summed over all episodes. */
    public double fbIou() {
        return (ratio(fgIntersection, fgUnion) + ratio(bgIntersection, bgUnion)) / 2;
    }

    private static double ratio(long intersection, long union) {
        return union == 0 ? 1.0 : (double) intersection / union;
    }
}
