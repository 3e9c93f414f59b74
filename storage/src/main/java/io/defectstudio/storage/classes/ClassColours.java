package io.defectstudio.storage.classes;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The colour a new defect class gets, wherever it is created (the workstation, a dataset import): the first of a
 * palette of distinct colours that no class of the project uses yet, so that two classes never look alike while the
 * palette lasts.
 */
public final class ClassColours {

    /** Sasha Trubetskoy's "20 distinct colours", the first ten: far apart for most eyes. */
    static final List<String> PALETTE = List.of(
            "#E6194B", "#3CB44B", "#FFE119", "#4363D8", "#F58231", "#911EB4", "#46F0F0", "#F032E6", "#BCF60C",
            "#FABEBE");

    private ClassColours() {
    }

    /** The first palette colour not in {@code used}; once all are used, they repeat in order. */
    public static String next(Collection<String> used) {
        Set<String> taken = used.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return PALETTE.stream().filter(c -> !taken.contains(c)).findFirst()
                .orElse(PALETTE.get(used.size() % PALETTE.size()));
    }
}
