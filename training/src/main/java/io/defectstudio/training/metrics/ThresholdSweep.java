package io.defectstudio.training.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's mIoU and false-positive rate at other thresholds than the model's, from the same probability maps:
 * shows whether a model's threshold suits classes it has not seen, at no extra network cost. A pixel is defect where
 * its probability is {@code >=} the threshold, compared as the segmenter's own threshold is.
 */
public final class ThresholdSweep {

    /** The candidate thresholds a model or a support set chooses from, 0.05 apart. */
    public static final List<Double> GRID = grid(0.05, 0.9, 0.05);

    private final List<Double> thresholds;
    private final IouAccumulator[] accumulators;
    private final FalsePositiveCounter[] falsePositives;

    public ThresholdSweep(List<Double> thresholds) {
        this.thresholds = List.copyOf(thresholds);
        accumulators = new IouAccumulator[thresholds.size()];
        falsePositives = new FalsePositiveCounter[thresholds.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = new IouAccumulator();
            falsePositives[i] = new FalsePositiveCounter();
        }
    }

    /** Adds one query: its probability map ({@code width x height}, row-major) against the truth at that size. */
    public void add(String className, float[] probability, int width, int height, BinaryMask truth) {
        for (int i = 0; i < accumulators.length; i++) {
            BinaryMask predicted = at(i, probability, width, height).resizeNearest(truth.width(), truth.height());
            accumulators[i].add(className, predicted, truth);
        }
    }

    /** Adds one defect-free image's probability map ({@code width x height}, row-major). */
    public void addNormal(float[] probability, int width, int height) {
        for (int i = 0; i < falsePositives.length; i++) {
            falsePositives[i].add(at(i, probability, width, height));
        }
    }

    private BinaryMask at(int index, float[] probability, int width, int height) {
        boolean[] defect = new boolean[probability.length];
        double threshold = thresholds.get(index);
        for (int p = 0; p < defect.length; p++) {
            defect[p] = probability[p] >= threshold;
        }
        return new BinaryMask(width, height, defect);
    }

    /** mIoU by threshold, ascending. */
    public Map<Double, Double> meanIou() {
        Map<Double, Double> result = new TreeMap<>();
        for (int i = 0; i < accumulators.length; i++) {
            result.put(thresholds.get(i), accumulators[i].meanIou());
        }
        return result;
    }

    /** Share of defect-free images painted at all, by threshold, ascending (empty maps when none were added). */
    public Map<Double, Double> falsePositiveRate() {
        Map<Double, Double> result = new TreeMap<>();
        for (int i = 0; i < falsePositives.length; i++) {
            if (falsePositives[i].images() > 0) {
                result.put(thresholds.get(i), falsePositives[i].falsePositiveRate());
            }
        }
        return result;
    }

    /** The threshold with the highest mIoU; ties go to the one nearest {@code preferred}. */
    public double best(double preferred) {
        Map<Double, Double> iou = meanIou();
        double best = thresholds.get(0);
        for (double t : thresholds) {
            double score = iou.get(t);
            double bestScore = iou.get(best);
            if (score > bestScore || score == bestScore && Math.abs(t - preferred) < Math.abs(best - preferred)) {
                best = t;
            }
        }
        return best;
    }

    private static List<Double> grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Math.round((from + i * step) * 100) / 100.0);
        }
        return List.copyOf(values);
    }
}
