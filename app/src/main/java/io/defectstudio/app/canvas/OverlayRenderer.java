package io.defectstudio.app.canvas;

import io.defectstudio.app.paint.DirtyRect;
import io.defectstudio.app.paint.MaskLayer;

/**
 * Turns a rectangle of a mask into premultiplied BGRA bytes for the overlay image. Only the dirty rectangle is
 * rendered after each stroke step, which keeps painting on 4096x4096 images cheap.
 */
public final class OverlayRenderer {
    private byte[] row = new byte[0];

    /**
     * Renders {@code rect} of {@code mask} into {@code out} (row stride {@code rect.width()*4}) and returns it; out is
     * reallocated when too small.
     */
    public byte[] render(MaskLayer mask, DirtyRect rect, MaskStyle style, double opacity, byte[] out) {
        int w = rect.width();
        int needed = Math.toIntExact(rect.area() * 4);
        byte[] buf = out != null && out.length >= needed ? out : new byte[needed];
        if (row.length < w) {
            row = new byte[w];
        }
        int r = (style.rgb() >> 16) & 0xFF;
        int g = (style.rgb() >> 8) & 0xFF;
        int b = style.rgb() & 0xFF;
        // premultiplied colours for the (at most three) alpha levels a pattern uses, computed per pixel cheaply
        for (int yy = 0; yy < rect.height(); yy++) {
            int y = rect.y() + yy;
            mask.readRow(y, rect.x(), w, row);
            int o = yy * w * 4;
            for (int xx = 0; xx < w; xx++, o += 4) {
                if (row[xx] == MaskLayer.OFF) {
                    buf[o] = 0;
                    buf[o + 1] = 0;
                    buf[o + 2] = 0;
                    buf[o + 3] = 0;
                } else {
                    double a = style.alphaAt(rect.x() + xx, y, opacity);
                    buf[o] = (byte) Math.round(b * a);
                    buf[o + 1] = (byte) Math.round(g * a);
                    buf[o + 2] = (byte) Math.round(r * a);
                    buf[o + 3] = (byte) Math.round(255 * a);
                }
            }
        }
        return buf;
    }
}
