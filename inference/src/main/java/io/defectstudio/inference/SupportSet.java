package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The 1-K annotated examples a query is segmented against, and optionally some defect-free images of the same
 * surface (negatives): known-good parts tell a matching network what normal looks like, so that normal texture is
 * not mistaken for the defect. Contents are checked by {@link Segmenter#prepare}.
 */
public final class SupportSet {

    /** Most negatives a set carries: each costs as much matching as one support view. */
    public static final int MAX_NEGATIVES = 16;

    private final List<SupportExample> examples;
    private final List<BufferedImage> negatives;

    private SupportSet(List<SupportExample> examples, List<BufferedImage> negatives) {
        this.examples = examples;
        this.negatives = negatives;
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
        return new SupportSet(List.copyOf(examples), List.of());
    }

    /**
     * This set with defect-free images of the same surface; networks that do not match against a background (the
     * learned heads) ignore them.
     *
     * @throws InvalidInputException when there are more than {@link #MAX_NEGATIVES}
     */
    public SupportSet withNegatives(List<BufferedImage> images) {
        if (images.size() > MAX_NEGATIVES) {
            throw new InvalidInputException("a support set takes at most " + MAX_NEGATIVES
                    + " defect-free images, got " + images.size());
        }
        return new SupportSet(examples, List.copyOf(images));
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

    /** The defect-free images, possibly none. */
    public List<BufferedImage> negatives() {
        return negatives;
    }
}
