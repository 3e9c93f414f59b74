package io.defectstudio.training.datasets.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.List;

/**
 * Fills polygons into a binary mask. labelme, COCO and YOLO put integer coordinates on pixel centres, and their own
 * rasterisers (PIL's ImageDraw.polygon with an outline, OpenCV's fillPoly) include the border pixels: we fill the
 * pixels whose centres are inside and draw the border with Bresenham lines between the rounded vertices. The border
 * is exact whatever the rounding of the coordinates (a normalised YOLO file), which Java2D's one-pixel strokes are not.
 */
public final class PolygonRasteriser {
    private PolygonRasteriser() {
    }

    /** @param polygons each as x0, y0, x1, y1, ... in pixel coordinates */
    public static BufferedImage fill(List<double[]> polygons, int width, int height) {
        BufferedImage mask = MaskImages.empty(width, height);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            for (double[] xy : polygons) {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(xy[0] + 0.5, xy[1] + 0.5);
                for (int i = 2; i + 1 < xy.length; i += 2) {
                    path.lineTo(xy[i] + 0.5, xy[i + 1] + 0.5);
                }
                path.closePath();
                g.fill(path);
            }
        } finally {
            g.dispose();
        }
        WritableRaster raster = mask.getRaster();
        for (double[] xy : polygons) {
            int n = xy.length / 2;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                line(raster, Math.round(xy[2 * i]), Math.round(xy[2 * i + 1]), Math.round(xy[2 * j]),
                        Math.round(xy[2 * j + 1]));
            }
        }
        return MaskImages.binarise(mask);
    }

    /** Bresenham's line, clipped to the raster. */
    private static void line(WritableRaster raster, long x0, long y0, long x1, long y1) {
        long dx = Math.abs(x1 - x0);
        long dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        long err = dx + dy;
        long x = x0;
        long y = y0;
        while (true) {
            if (x >= 0 && y >= 0 && x < raster.getWidth() && y < raster.getHeight()) {
                raster.setSample((int) x, (int) y, 0, 255);
            }
            if (x == x1 && y == y1) {
                return;
            }
            long e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }
}
