package io.defectstudio.app.canvas;

/**
 * Zoom and pan: screen = image * scale + translate. Zoom keeps the point under the cursor fixed.
 */
public final class Viewport {
    public static final double MIN_SCALE = 1.0 / 64;
    public static final double MAX_SCALE = 64;

    private double scale = 1;
    private double tx;
    private double ty;

    public double scale() {
        return scale;
    }

    public double translateX() {
        return tx;
    }

    public double translateY() {
        return ty;
    }

    public double toImageX(double screenX) {
        return (screenX - tx) / scale;
    }

    public double toImageY(double screenY) {
        return (screenY - ty) / scale;
    }

    public double toScreenX(double imageX) {
        return imageX * scale + tx;
    }

    public double toScreenY(double imageY) {
        return imageY * scale + ty;
    }

    /** Multiplies the scale by {@code factor} keeping the image point under (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double ix = toImageX(sx);
        double iy = toImageY(sy);
        scale = clamp(scale * factor);
        tx = sx - ix * scale;
        ty = sy - iy * scale;
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Fits the whole image in the view, centred. */
    public void fit(double viewW, double viewH, int imageW, int imageH) {
        if (viewW <= 0 || viewH <= 0 || imageW <= 0 || imageH <= 0) {
            return;
        }
        scale = clamp(Math.min(viewW / imageW, viewH / imageH));
        centre(viewW, viewH, imageW, imageH);
    }

    /** One image pixel per screen pixel, centred. */
    public void oneToOne(double viewW, double viewH, int imageW, int imageH) {
        scale = 1;
        centre(viewW, viewH, imageW, imageH);
    }

    private void centre(double viewW, double viewH, int imageW, int imageH) {
        tx = (viewW - imageW * scale) / 2;
        ty = (viewH - imageH * scale) / 2;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
