package io.defectstudio.training.datasets.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Fills polygons into a binary mask. labelme and COCO put integer coordinates on pixel centres and labelme's own
 * rasteriser (PIL ImageDraw.polygon with an outline) includes the border pixels; we shift by half a pixel and
 * draw a 1-pixel outline as well, so results agree in the interior and may differ by a pixel along the border.
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
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            for (double[] xy : polygons) {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(xy[0] + 0.5, xy[1] + 0.5);
                for (int i = 2; i + 1 < xy.length; i += 2) {
                    path.lineTo(xy[i] + 0.5, xy[i + 1] + 0.5);
                }
                path.closePath();
                g.fill(path);
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        return MaskImages.binarise(mask);
    }
}
