package io.defectstudio.training.augment;

/**
 * EAMNet's training augmentation: random scale, rotation, Gaussian blur and horizontal flip.
 *
 * @param minScale smallest scale factor (EAMNet: 0.9)
 * @param maxScale largest scale factor (EAMNet: 1.1)
 * @param maxRotationDegrees rotation drawn from [-max, +max] (EAMNet: 10)
 * @param blurProbability chance of a Gaussian blur
 * @param flipProbability chance of a horizontal flip
 */
public record AugmentationPolicy(
        double minScale, double maxScale, double maxRotationDegrees, double blurProbability, double flipProbability) {

    public AugmentationPolicy {
        if (minScale <= 0 || maxScale < minScale) {
            throw new IllegalArgumentException("Need 0 < minScale <= maxScale, got " + minScale + ", " + maxScale);
        }
        if (blurProbability < 0 || blurProbability > 1 || flipProbability < 0 || flipProbability > 1) {
            throw new IllegalArgumentException("Probabilities must lie in [0, 1]");
        }
    }

    /** The setting of EAMNet's code. */
    public static AugmentationPolicy eamnet() {
        return new AugmentationPolicy(0.9, 1.1, 10, 0.5, 0.5);
    }

    /** No augmentation (validation, evaluation). */
    public static AugmentationPolicy none() {
        return new AugmentationPolicy(1, 1, 0, 0, 0);
    }
}
