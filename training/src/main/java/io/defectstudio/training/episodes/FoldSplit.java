package io.defectstudio.training.episodes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The classes a fold trains on and the disjoint classes it is tested on. */
public record FoldSplit(int fold, List<String> trainClasses, List<String> testClasses) {

    /** Defect-8i classes in benchmark order; fold f tests on entries 2f and 2f+1 of {@link #DEFECT8I_TEST_PAIRS}. */
    public static final List<String> DEFECT8I_CLASSES = List.of(
            "MT_Blowhole", "MT_Break", "MT_Crack", "MT_Fray", "MT_Uneven", "Steel_In", "Steel_Pa", "Steel_Sc");

    private static final List<List<String>> DEFECT8I_TEST_PAIRS = List.of(
            List.of("MT_Blowhole", "Steel_In"),
            List.of("MT_Break", "Steel_Pa"),
            List.of("MT_Crack", "Steel_Sc"),
            List.of("MT_Fray", "MT_Uneven"));

    /** Not a benchmark fold: every class trains and none is held out, as for the model the app ships. */
    public static final int ALL_CLASSES = -1;

    public FoldSplit {
        trainClasses = List.copyOf(trainClasses);
        testClasses = List.copyOf(testClasses);
        Set<String> overlap = new HashSet<>(trainClasses);
        overlap.retainAll(testClasses);
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException("Fold " + fold + " trains and tests on the same classes: " + overlap);
        }
    }

    /** The split of the Defect-8i benchmark README: fold 0..3, or {@link #ALL_CLASSES}. */
    public static FoldSplit defect8i(int fold) {
        if (fold == ALL_CLASSES) {
            return new FoldSplit(fold, DEFECT8I_CLASSES, List.of());
        }
        if (fold < 0 || fold >= DEFECT8I_TEST_PAIRS.size()) {
            throw new IllegalArgumentException("Defect-8i has folds 0..3, not " + fold);
        }
        List<String> test = DEFECT8I_TEST_PAIRS.get(fold);
        List<String> train = new ArrayList<>(DEFECT8I_CLASSES);
        train.removeAll(test);
        return new FoldSplit(fold, train, test);
    }

    /**
     * The same split training on {@code classes} only, which must be among its training classes: the class-count
     * ablation trains on fewer classes and tests on the same held-out ones.
     */
    public FoldSplit trainingOn(List<String> classes) {
        if (classes.isEmpty() || !trainClasses.containsAll(classes)) {
            throw new IllegalArgumentException("Fold " + fold + " trains on " + trainClasses + "; cannot train on "
                    + classes);
        }
        return new FoldSplit(fold, classes, testClasses);
    }

    /** The training classes that {@code source} has, in the split's order. */
    public List<String> trainClassesIn(EpisodeSource source) {
        List<String> available = source.classNames();
        return trainClasses.stream().filter(available::contains).toList();
    }

    public boolean isTestClass(String className) {
        return testClasses.contains(className);
    }
}
