package io.defectstudio.training.eval;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark figures of one model on one episode list.
 *
 * @param episodes episodes scored (fewer than the list when a limit was set)
 * @param listEpisodes episodes in the list
 * @param classIou foreground IoU per class, intersections and unions summed over the class's episodes
 * @param meanIou mean of the per-class IoU
 * @param fbIou mean of foreground and background IoU, each summed over all scored episodes
 * @param normalImages defect-free tiles scored
 * @param falsePositiveRate share of defect-free tiles where the model painted any defect
 * @param meanPaintedFraction mean share of a defect-free tile painted as defect
 * @param supportEncodings support sets encoded (fewer than episodes when support sets repeat)
 * @param wallTime total time
 * @param meanQueryMillis mean network time per query as the segmenter measured it
 * @param sweepMeanIou mIoU at other thresholds, ascending (empty when no sweep was asked for)
 * @param sweepFalsePositiveRate false-positive rate at those thresholds (empty also when no tile was scored)
 */
public record EvalReport(
        int episodes,
        int listEpisodes,
        Map<String, Double> classIou,
        double meanIou,
        double fbIou,
        int normalImages,
        double falsePositiveRate,
        double meanPaintedFraction,
        int supportEncodings,
        Duration wallTime,
        double meanQueryMillis,
        Map<Double, Double> sweepMeanIou,
        Map<Double, Double> sweepFalsePositiveRate) {

    public EvalReport {
        classIou = Map.copyOf(classIou);
        sweepMeanIou = Collections.unmodifiableMap(new TreeMap<>(sweepMeanIou));
        sweepFalsePositiveRate = Collections.unmodifiableMap(new TreeMap<>(sweepFalsePositiveRate));
    }

    /** True when only the first episodes of the list were scored. */
    public boolean limited() {
        return episodes < listEpisodes;
    }

    /** A few human-readable lines (percentages), as the CLI prints them. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "episodes %d of %d%s%n", episodes, listEpisodes,
                limited() ? " (LIMITED: not the full benchmark)" : ""));
        classIou.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(
                String.format(Locale.ROOT, "  IoU %-12s %6.2f%n", e.getKey(), 100 * e.getValue())));
        sb.append(String.format(Locale.ROOT, "mIoU %.2f  FB-IoU %.2f%n", 100 * meanIou, 100 * fbIou));
        if (!sweepMeanIou.isEmpty()) {
            sb.append("mIoU by threshold:");
            sweepMeanIou.forEach((t, v) -> sb.append(String.format(Locale.ROOT, "  %.2f %.2f", t, 100 * v)));
            sb.append(System.lineSeparator());
        }
        if (!sweepFalsePositiveRate.isEmpty()) {
            sb.append("false-positive rate by threshold:");
            sweepFalsePositiveRate.forEach((t, v) -> sb.append(
                    String.format(Locale.ROOT, "  %.2f %.2f%%", t, 100 * v)));
            sb.append(System.lineSeparator());
        }
        if (normalImages > 0) {
            sb.append(String.format(Locale.ROOT,
                    "defect-free tiles %d: false-positive rate %.2f%%, mean painted area %.3f%%%n", normalImages,
                    100 * falsePositiveRate, 100 * meanPaintedFraction));
        }
        sb.append(String.format(Locale.ROOT, "support encodings %d, wall %ds, %.1f ms/query%n", supportEncodings,
                wallTime.toSeconds(), meanQueryMillis));
        return sb.toString();
    }
}
