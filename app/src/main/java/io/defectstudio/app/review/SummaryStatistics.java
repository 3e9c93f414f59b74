package io.defectstudio.app.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-class counts, defective share and defect-area distribution over a set of review items. */
public final class SummaryStatistics {
    /**
     * Upper bounds of the area bins as a share of the image; the last bin is open. Roughly logarithmic, because
     * defect areas span pinholes to whole-tile damage.
     */
    public static final List<Double> AREA_BINS = List.of(0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2);

    private SummaryStatistics() {
    }

    /** Bin labels, e.g. "<0.1%", "0.1-0.5%", ..., ">=20%". */
    public static List<String> binLabels() {
        List<String> labels = new ArrayList<>();
        double lower = 0;
        for (double upper : AREA_BINS) {
            labels.add(lower == 0 ? "<" + percent(upper) : number(lower) + "-" + percent(upper));
            lower = upper;
        }
        labels.add(">=" + percent(lower));
        return labels;
    }

    private static String percent(double share) {
        return number(share) + "%";
    }

    private static String number(double share) {
        String s = String.format(Locale.ROOT, "%.1f", share * 100);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Index of the bin holding {@code share}. */
    public static int bin(double share) {
        for (int i = 0; i < AREA_BINS.size(); i++) {
            if (share < AREA_BINS.get(i)) {
                return i;
            }
        }
        return AREA_BINS.size();
    }

    /**
     * One summary per class, in the order of {@code classes}; classes without items show zeros. Only parts a person
     * has decided on count (a mask or a flag by an inspector): a part only the model has seen is not inspected.
     */
    public static List<ClassSummary> of(List<ClassRef> classes, Collection<ReviewItem> items) {
        Map<Long, List<ReviewItem>> byClass = new LinkedHashMap<>();
        classes.forEach(c -> byClass.put(c.id(), new ArrayList<>()));
        for (ReviewItem item : items) {
            if (item.inspector().isEmpty()) {
                continue;
            }
            byClass.computeIfAbsent(item.classId(), id -> new ArrayList<>()).add(item);
        }
        List<ClassSummary> out = new ArrayList<>();
        for (ClassRef c : classes) {
            out.add(summarise(c, byClass.get(c.id())));
        }
        return out;
    }

    private static ClassSummary summarise(ClassRef c, List<ReviewItem> items) {
        int[] counts = new int[AREA_BINS.size() + 1];
        long[] areas = items.stream().filter(i -> i.measure().defective())
                .mapToLong(i -> i.measure().defectPixels()).sorted().toArray();
        items.stream().filter(i -> i.measure().defective()).forEach(i -> counts[bin(i.measure().share())]++);
        long median = areas.length == 0 ? 0 : areas.length % 2 == 1 ? areas[areas.length / 2]
                : (areas[areas.length / 2 - 1] + areas[areas.length / 2]) / 2;
        return new ClassSummary(c.name(), c.colourHex(), items.size(), areas.length,
                Arrays.stream(counts).boxed().toList(), median);
    }
}
