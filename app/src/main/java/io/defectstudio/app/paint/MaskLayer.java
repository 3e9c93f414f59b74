package io.defectstudio.app.paint;

import io.defectstudio.inference.Masks;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * A binary mask (0 background, 255 defect) edited by brush, eraser and polygon fill. Every edit returns the dirty
 * rectangle so the view redraws and the undo log copies only that region, never the whole image.
 */
public final class MaskLayer {
    public static final byte ON = (byte) 255;
    public static final byte OFF = 0;

    private final int width;
    private final int height;
    private final byte[] pixels;
    private StrokeRecorder recorder;

    public MaskLayer(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new byte[Math.multiplyExact(width, height)];
    }

    /** A layer holding a copy of {@code mask}, read by the {@link Masks} rule. */
    public static MaskLayer fromImage(BufferedImage mask) {
        MaskLayer layer = new MaskLayer(mask.getWidth(), mask.getHeight());
        layer.load(mask);
        return layer;
    }

    /** Replaces all pixels with {@code mask} (same size), outside any stroke. */
    public void load(BufferedImage mask) {
        if (mask.getWidth() != width || mask.getHeight() != height) {
            throw new IllegalArgumentException("mask is " + mask.getWidth() + "x" + mask.getHeight()
                    + ", layer is " + width + "x" + height);
        }
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            Masks.readRow(mask, y, row);
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = row[x] != 0 ? ON : OFF;
            }
        }
    }

    public void clear() {
        Arrays.fill(pixels, OFF);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isSet(int x, int y) {
        return pixels[y * width + x] != OFF;
    }

    public long countSet() {
        long n = 0;
        for (byte b : pixels) {
            if (b != OFF) {
                n++;
            }
        }
        return n;
    }

    /** Starts recording edits as one undoable stroke. */
    public void beginStroke() {
        if (recorder != null) {
            throw new IllegalStateException("a stroke is already open");
        }
        recorder = new StrokeRecorder(this);
    }

    public boolean inStroke() {
        return recorder != null;
    }

    /** Ends the stroke and returns its delta (empty when nothing changed). */
    public StrokeDelta endStroke() {
        if (recorder == null) {
            throw new IllegalStateException("no stroke is open");
        }
        StrokeDelta delta = recorder.finish();
        recorder = null;
        return delta;
    }

    /** Stamps a filled disc of {@code radius} pixels at (cx, cy) with defect ({@code paint}) or background. */
    public DirtyRect stampDisc(double cx, double cy, double radius, boolean paint) {
        double r = Math.max(0.5, radius);
        DirtyRect rect = new DirtyRect((int) Math.floor(cx - r), (int) Math.floor(cy - r),
                (int) Math.ceil(2 * r) + 2, (int) Math.ceil(2 * r) + 2).clip(width, height);
        if (rect.isEmpty()) {
            return rect;
        }
        touch(rect);
        byte value = paint ? ON : OFF;
        double r2 = r * r;
        for (int y = rect.y(); y < rect.maxY(); y++) {
            double dy = y + 0.5 - cy;
            double rem = r2 - dy * dy;
            if (rem < 0) {
                continue;
            }
            double half = Math.sqrt(rem);
            int x0 = Math.max(rect.x(), (int) Math.ceil(cx - half - 0.5));
            int x1 = Math.min(rect.maxX() - 1, (int) Math.floor(cx + half - 0.5));
            if (x1 >= x0) {
                Arrays.fill(pixels, y * width + x0, y * width + x1 + 1, value);
            }
        }
        return rect;
    }

    /** A brush segment from (x0,y0) to (x1,y1): discs spaced at most a quarter radius apart. */
    public DirtyRect strokeSegment(double x0, double y0, double x1, double y1, double radius, boolean paint) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(len / Math.max(0.5, radius / 4)));
        DirtyRect dirty = DirtyRect.EMPTY;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            dirty = dirty.union(stampDisc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, radius, paint));
        }
        return dirty;
    }

    /** Fills the polygon (even-odd rule, pixel centres) with defect or background. */
    public DirtyRect fillPolygon(double[] xs, double[] ys, boolean paint) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length");
        }
        int n = xs.length;
        if (n < 3) {
            return DirtyRect.EMPTY;
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        DirtyRect rect = new DirtyRect((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX) - (int) Math.floor(minX) + 1,
                (int) Math.ceil(maxY) - (int) Math.floor(minY) + 1).clip(width, height);
        if (rect.isEmpty()) {
            return rect;
        }
        touch(rect);
        byte value = paint ? ON : OFF;
        double[] crossings = new double[n];
        for (int y = rect.y(); y < rect.maxY(); y++) {
            double sy = y + 0.5;
            int count = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                if ((ys[i] > sy) != (ys[j] > sy)) {
                    crossings[count++] = xs[i] + (sy - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                int a = Math.max(rect.x(), (int) Math.ceil(crossings[k] - 0.5));
                int b = Math.min(rect.maxX() - 1, (int) Math.floor(crossings[k + 1] - 0.5));
                if (b >= a) {
                    Arrays.fill(pixels, y * width + a, y * width + b + 1, value);
                }
            }
        }
        return rect;
    }

    /** Copies the pixels of {@code rect} row by row. */
    public byte[] copyRegion(DirtyRect rect) {
        byte[] out = new byte[Math.toIntExact(rect.area())];
        for (int row = 0; row < rect.height(); row++) {
            System.arraycopy(pixels, (rect.y() + row) * width + rect.x(), out, row * rect.width(), rect.width());
        }
        return out;
    }

    /** Writes {@code data} (as from {@link #copyRegion}) back into {@code rect}. */
    public void writeRegion(DirtyRect rect, byte[] data) {
        for (int row = 0; row < rect.height(); row++) {
            System.arraycopy(data, row * rect.width(), pixels, (rect.y() + row) * width + rect.x(), rect.width());
        }
    }

    /** Reads one row segment into {@code out} (for rendering without exposing the array). */
    public void readRow(int y, int x, int length, byte[] out) {
        System.arraycopy(pixels, y * width + x, out, 0, length);
    }

    /** A TYPE_BYTE_GRAY copy: the form masks take across module borders. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, dst, 0, pixels.length);
        return img;
    }

    private void touch(DirtyRect rect) {
        if (recorder != null) {
            recorder.touch(rect);
        }
    }
}
