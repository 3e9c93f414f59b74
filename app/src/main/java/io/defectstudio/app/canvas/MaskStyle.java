package io.defectstudio.app.canvas;

/**
 * How a mask is drawn over the image. The three roles differ in colour and pattern, so they stay distinguishable for
 * colour-blind inspectors too: support = solid class colour, prediction = diagonal hatching, accepted = solid green
 * with a dotted texture.
 */
public record MaskStyle(int rgb, Pattern pattern) {
    /** The fill pattern of a mask. */
    public enum Pattern { SOLID, HATCHED, DOTTED }

    public static final int ACCEPTED_RGB = 0x2ECC71;
    public static final int PREDICTION_RGB = 0xFF8C00;

    public static MaskStyle support(int classRgb) {
        return new MaskStyle(classRgb, Pattern.SOLID);
    }

    public static MaskStyle prediction() {
        return new MaskStyle(PREDICTION_RGB, Pattern.HATCHED);
    }

    public static MaskStyle accepted() {
        return new MaskStyle(ACCEPTED_RGB, Pattern.DOTTED);
    }

    /** Alpha 0..1 of a defect pixel at (x, y) given the overlay opacity. */
    double alphaAt(int x, int y, double opacity) {
        return switch (pattern) {
            case SOLID -> opacity;
            // stripes at half strength keep the prediction readable but clearly "not yet a label"
            case HATCHED -> ((x + y) & 7) < 4 ? opacity : opacity * 0.35;
            case DOTTED -> ((x & 3) == 0 && (y & 3) == 0) ? Math.min(1, opacity * 1.6) : opacity * 0.8;
        };
    }
}
