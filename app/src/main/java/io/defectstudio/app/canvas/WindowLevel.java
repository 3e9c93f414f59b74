package io.defectstudio.app.canvas;

/**
 * Display-only grey mapping: a window [low, high] of the raw range (for 16-bit images) followed by brightness and
 * contrast. Produces a lookup table from raw value to 8-bit display value; the image data is never changed.
 */
public record WindowLevel(int low, int high, double brightness, double contrast) {
    public WindowLevel {
        if (high <= low) {
            throw new IllegalArgumentException("window high " + high + " must exceed low " + low);
        }
        if (contrast <= 0) {
            throw new IllegalArgumentException("contrast must be positive: " + contrast);
        }
    }

    public static WindowLevel full(int bitDepth) {
        return new WindowLevel(0, (1 << bitDepth) - 1, 0, 1);
    }

    public WindowLevel withBrightness(double b) {
        return new WindowLevel(low, high, b, contrast);
    }

    public WindowLevel withContrast(double c) {
        return new WindowLevel(low, high, brightness, c);
    }

    /** Display value 0..255 for a raw value. */
    public int map(int raw) {
        double t = (raw - low) / (double) (high - low);
        t = (t - 0.5) * contrast + 0.5 + brightness;
        return (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    }

    /** A table for raw values 0..size-1. */
    public byte[] lookupTable(int size) {
        byte[] lut = new byte[size];
        for (int v = 0; v < size; v++) {
            lut[v] = (byte) map(v);
        }
        return lut;
    }
}
