package io.defectstudio.training.datasets.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The outer boundary of one 8-connected component as a polygon through the centres of its boundary pixels (Moore
 * neighbour tracing, clockwise). Filling that polygon with its 1-pixel outline, as {@code PolygonRasteriser} does,
 * gives the component back exactly when it has no holes; holes are filled (a polygon format cannot carry them).
 */
public final class BoundaryTracer {
    // Clockwise from west, in image coordinates (y down).
    private static final int[] DX = {-1, -1, 0, 1, 1, 1, 0, -1};
    private static final int[] DY = {0, -1, -1, -1, 0, 1, 1, 1};

    private BoundaryTracer() {
    }

    /** @return x0, y0, x1, y1, ... pixel coordinates, at least three points */
    public static double[] outer(boolean[] component, int width, int height) {
        int start = -1;
        for (int p = 0; p < component.length && start < 0; p++) {
            if (component[p]) {
                start = p;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("empty component");
        }
        List<int[]> points = new ArrayList<>();
        int sx = start % width;
        int sy = start / width;
        int x = sx;
        int y = sy;
        // The first pixel in raster order has background to its west: the search starts there.
        int from = 0;
        int firstMove = -1;
        points.add(new int[] {x, y});
        for (int guard = 4 * component.length + 8; guard > 0; guard--) {
            int move = next(component, width, height, x, y, from);
            if (move < 0) {
                break;
            }
            // Jacob's stopping rule: done when the start is left the way it was left first (a start pixel on a
            // one-pixel bridge is passed twice).
            if (x == sx && y == sy) {
                if (firstMove < 0) {
                    firstMove = move;
                } else if (move == firstMove) {
                    break;
                }
            }
            x += DX[move];
            y += DY[move];
            // Search the new pixel's neighbours clockwise from just after the pixel we came from.
            from = (move + 5) % 8;
            points.add(new int[] {x, y});
        }
        if (points.size() > 1) {
            int[] last = points.get(points.size() - 1);
            if (last[0] == sx && last[1] == sy) {
                points.remove(points.size() - 1);
            }
        }
        if (points.size() == 1) {
            return box(points.get(0));
        }
        if (points.size() == 2) {
            // Two pixels: there and back, which the outline draws as just those two.
            points.add(points.get(0));
        }
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = points.get(i)[0];
            xy[2 * i + 1] = points.get(i)[1];
        }
        return xy;
    }

    private static int next(boolean[] component, int width, int height, int x, int y, int from) {
        for (int k = 0; k < 8; k++) {
            int d = (from + k) % 8;
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && component[ny * width + nx]) {
                return d;
            }
        }
        return -1;
    }

    /** One pixel: its corners, just inside, which fill exactly that pixel. */
    private static double[] box(int[] p) {
        double lo = -0.49;
        double hi = 0.49;
        return new double[] {p[0] + lo, p[1] + lo, p[0] + hi, p[1] + lo, p[0] + hi, p[1] + hi, p[0] + lo, p[1] + hi};
    }
}
