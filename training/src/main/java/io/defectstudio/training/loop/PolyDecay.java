package io.defectstudio.training.loop;

/** Poly learning-rate decay as in LERENet and EAMNet: lr = base * (1 - step / total) ^ power. */
public record PolyDecay(float baseRate, long totalSteps, float power) {

    public PolyDecay {
        if (baseRate <= 0 || totalSteps < 1 || power < 0) {
            throw new IllegalArgumentException("Need baseRate > 0, totalSteps >= 1, power >= 0");
        }
    }

    public float rateAt(long step) {
        double progress = Math.min(1.0, (double) step / totalSteps);
        return (float) (baseRate * Math.pow(1 - progress, power));
    }
}
