package io.defectstudio.training.datasets.export;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Class numbering and few-shot folds for list-based layouts. Classes are numbered 1..N in name order.
 * Folds follow TGRNet/CPANet: 3 folds (fewer when there are fewer classes), fold f tests a contiguous block of
 * ceil(N / 3) class indices and trains on the rest; with their 12 classes that is 1-4, 5-8, 9-12.
 */
public final class ClassIndex {
    private static final int FOLDS = 3;
    private final List<String> names;
    private final int blockSize;
    private final int folds;

    public ClassIndex(SortedSet<String> classNames) {
        this.names = List.copyOf(new TreeSet<>(classNames));
        int n = names.size();
        int wanted = Math.max(1, Math.min(FOLDS, n));
        this.blockSize = Math.max(1, (n + wanted - 1) / wanted);
        this.folds = n == 0 ? 0 : (n + blockSize - 1) / blockSize;
    }

    public List<String> names() {
        return names;
    }

    public int indexOf(String className) {
        int i = names.indexOf(className);
        if (i < 0) {
            throw new IllegalArgumentException("unknown class " + className);
        }
        return i + 1;
    }

    public int folds() {
        return folds;
    }

    /** True when the class with this 1-based index is a test (unseen) class of the fold. */
    public boolean isTestClass(int fold, int classIndex) {
        return (classIndex - 1) / blockSize == fold;
    }

    public List<Integer> testClasses(int fold) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            if (isTestClass(fold, i)) {
                out.add(i);
            }
        }
        return out;
    }
}
