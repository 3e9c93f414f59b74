package io.defectstudio.inference;

import java.util.List;

/** The 1-K annotated examples a query is segmented against. Contents are checked by {@link Segmenter#prepare}. */
public final class SupportSet {

    private final List<SupportExample> examples;

    private SupportSet(List<SupportExample> examples) {
        this.examples = examples;
    }

    /** @throws InvalidInputException when {@code examples} is empty */
    public static SupportSet of(List<SupportExample> examples) {
        if (examples == null || examples.isEmpty()) {
            throw new InvalidInputException("a support set needs at least one annotated image");
        }
        return new SupportSet(List.copyOf(examples));
    }

    public static SupportSet of(SupportExample... examples) {
        return of(List.of(examples));
    }

    public int size() {
        return examples.size();
    }

    public List<SupportExample> examples() {
        return examples;
    }
}
