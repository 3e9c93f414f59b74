package io.defectstudio.app.paint;

/** A half-open pixel rectangle [x, x+width) x [y, y+height) that changed; empty when width or height is 0. */
public record DirtyRect(int x, int y, int width, int height) {
    public static final DirtyRect EMPTY = new DirtyRect(0, 0, 0, 0);

    public DirtyRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int maxX() {
        return x + width;
    }

    public int maxY() {
        return y + height;
    }

    public DirtyRect union(DirtyRect other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        int nx = Math.min(x, other.x);
        int ny = Math.min(y, other.y);
        return new DirtyRect(nx, ny, Math.max(maxX(), other.maxX()) - nx, Math.max(maxY(), other.maxY()) - ny);
    }

    /** This rectangle clipped to [0,w) x [0,h). */
    public DirtyRect clip(int w, int h) {
        int nx = Math.max(0, x);
        int ny = Math.max(0, y);
        int mx = Math.min(w, maxX());
        int my = Math.min(h, maxY());
        if (mx <= nx || my <= ny) {
            return EMPTY;
        }
        return new DirtyRect(nx, ny, mx - nx, my - ny);
    }

    public long area() {
        return (long) width * height;
    }
}
