package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/** The 1-K annotated examples a query is segmented against. Contents are checked by {@link Segmenter#prepare}. */
public final class SupportSet {

    private final List<SupportExample> examples;

    private SupportSet(List<SupportExample> examples) {
        this.examples = examples;
    }

    /**
     * Checks and wraps support examples.
     *
     * @throws InvalidInputException when there are none, a mask is empty (no defect pixel) or a mask's size differs
     *     from its image's; the message names the example (1-based)
     */
    public static SupportSet of(List<SupportExample> examples) {
        if (examples == null || examples.isEmpty()) {
            throw new InvalidInputException("a support set needs at least one annotated image");
        }
        for (int i = 0; i < examples.size(); i++) {
            validate(examples.get(i), i + 1);
        }
        return new SupportSet(List.copyOf(examples));
    }

    private static void validate(SupportExample e, int index) {
        BufferedImage image = e.image();
        BufferedImage mask = e.mask();
        if (mask.getWidth() != image.getWidth() || mask.getHeight() != image.getHeight()) {
            throw new InvalidInputException("support example " + index + ": the mask is " + mask.getWidth() + "x"
                    + mask.getHeight() + " but its image is " + image.getWidth() + "x" + image.getHeight());
        }
        if (Masks.countDefect(mask) == 0) {
            throw new InvalidInputException("support example " + index + ": the mask is empty (no pixel >= 128);"
                    + " paint the defect before segmenting");
        }
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
