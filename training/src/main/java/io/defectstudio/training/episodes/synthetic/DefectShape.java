package io.defectstudio.training.episodes.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The outline families of real surface defects: blobs (blowholes, stains), cracks (thin random-walk lines), clusters
 * of small spots (pits) and large irregular patches (uneven areas). Each draw is a new instance of the family.
 */
public enum DefectShape {
    BLOB, CRACK, SPOTS, PATCH;

    /**
     * Rasterises one instance, antialiased, as an alpha mask (0-255) of the given size.
     *
     * @param scale the instance's size as a fraction of the shorter image side
     */
    public BufferedImage draw(int width, int height, double scale, SplittableRandom random) {
        BufferedImage alpha = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = alpha.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            double side = Math.min(width, height);
            double size = Math.max(4, scale * side);
            double cx = size / 2 + random.nextDouble() * Math.max(1, width - size);
            double cy = size / 2 + random.nextDouble() * Math.max(1, height - size);
            switch (this) {
                case BLOB -> g.fill(polygon(cx, cy, size / 2, 0.25, 9, random));
                case PATCH -> g.fill(polygon(cx, cy, size, 0.45, 14, random));
                case SPOTS -> {
                    int count = 3 + random.nextInt(6);
                    for (int i = 0; i < count; i++) {
                        double r = size * (0.05 + 0.08 * random.nextDouble());
                        double x = cx + (random.nextDouble() - 0.5) * size * 1.5;
                        double y = cy + (random.nextDouble() - 0.5) * size * 1.5;
                        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                    }
                }
                case CRACK -> {
                    g.setStroke(new BasicStroke((float) (1.5 + side * 0.012 * random.nextDouble() * 2),
                            BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(randomWalk(cx, cy, size * 2, random));
                }
                default -> throw new IllegalStateException(name());
            }
        } finally {
            g.dispose();
        }
        return alpha;
    }

    /** A star-shaped polygon whose radius wobbles by up to {@code jitter} around {@code radius}. */
    private static Path2D polygon(double cx, double cy, double radius, double jitter, int vertices,
            SplittableRandom random) {
        double stretch = 0.5 + random.nextDouble();
        double turn = random.nextDouble() * Math.PI;
        Path2D path = new Path2D.Double();
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            double r = radius * (1 - jitter + 2 * jitter * random.nextDouble());
            double x = r * Math.cos(a) * stretch;
            double y = r * Math.sin(a) / stretch;
            double px = cx + x * Math.cos(turn) - y * Math.sin(turn);
            double py = cy + x * Math.sin(turn) + y * Math.cos(turn);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
        return path;
    }

    private static Path2D randomWalk(double cx, double cy, double length, SplittableRandom random) {
        int segments = 6 + random.nextInt(6);
        double step = length / segments;
        double heading = random.nextDouble() * 2 * Math.PI;
        double x = cx - Math.cos(heading) * length / 2;
        double y = cy - Math.sin(heading) * length / 2;
        Path2D path = new Path2D.Double();
        path.moveTo(x, y);
        for (int i = 0; i < segments; i++) {
            heading += (random.nextDouble() - 0.5) * 0.9;
            x += Math.cos(heading) * step;
            y += Math.sin(heading) * step;
            path.lineTo(x, y);
        }
        return path;
    }
}
