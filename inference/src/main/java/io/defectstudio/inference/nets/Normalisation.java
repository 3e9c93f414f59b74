package io.defectstudio.inference.nets;

import java.util.Arrays;

/**
 * Per-channel normalisation {@code (x - mean) / std} of RGB in [0, 1], three values each (grey inputs are replicated to
 * three channels).
 */
public record Normalisation(float[] mean, float[] std) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }

    public static Normalisation imageNet() {
        return new Normalisation(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    /** {@code x * 2 - 1}: the input scaling of the TensorFlow MobileNets. */
    public static Normalisation signed() {
        return new Normalisation(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    }

    /** RGB in [0, 1] as it is: the scaling nsfwjs feeds its InceptionV3. */
    public static Normalisation unit() {
        return new Normalisation(new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});
    }

    /**
     * The scaling a backbone's weights were trained with: {@link #signed} for MobileNetV2, {@link #unit} for
     * InceptionV3 and for a pair of backbones ({@code a+b}, which scales for each member itself), else ImageNet's.
     */
    public static Normalisation forBackbone(String backbone) {
        if (BackbonePair.isPair(backbone)) {
            return unit();
        }
        if (backbone.startsWith("mobilenet")) {
            return signed();
        }
        return backbone.startsWith("inception") ? unit() : imageNet();
    }
}
