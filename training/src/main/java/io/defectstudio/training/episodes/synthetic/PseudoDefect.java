package io.defectstudio.training.episodes.synthetic;

import io.defectstudio.training.episodes.MemorySample;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;

/**
 * The look of one made-up defect class: an outline family, a size, and a surface (brightness shift, contrast, grain,
 * optionally a texture cut from another image). Every image painted with it shows a new instance of the same class,
 * so a network can only find it in a query by comparing with the supports, never by recognising a class it has seen.
 *
 * @param shape the outline family
 * @param scale instance size as a fraction of the shorter image side
 * @param shift brightness shift in grey levels
 * @param contrast gain on the surface's own variation around its mean
 * @param grain standard deviation of added per-pixel noise, grey levels
 * @param texture the surface to copy (grey), or null to reuse the background's own
 */
public record PseudoDefect(DefectShape shape, double scale, double shift, double contrast, double grain,
        BufferedImage texture) {

    private static final int MAX_DRAWS = 50;

    /** Draws a class whose instances stand out from typical metal surfaces by at least 20 grey levels. */
    public static PseudoDefect draw(SplittableRandom random, BufferedImage textureOrNull) {
        DefectShape shape = DefectShape.values()[random.nextInt(DefectShape.values().length)];
        double scale = switch (shape) {
            case BLOB -> 0.08 + 0.22 * random.nextDouble();
            case PATCH -> 0.15 + 0.2 * random.nextDouble();
            case SPOTS -> 0.15 + 0.25 * random.nextDouble();
            case CRACK -> 0.2 + 0.3 * random.nextDouble();
        };
        double shift = (random.nextBoolean() ? 1 : -1) * (20 + 50 * random.nextDouble());
        return new PseudoDefect(shape, scale, shift, 0.3 + 1.7 * random.nextDouble(), 12 * random.nextDouble(),
                textureOrNull);
    }

    /**
     * Paints one instance onto a grey background. The mask marks where the instance's opacity is >= 50 %, or, for an
     * instance too thin to reach that anywhere (a hairline on a small image), its most opaque pixels: a support mask
     * must never be empty.
     */
    public MemorySample paint(String id, BufferedImage greyBackground, SplittableRandom random) {
        int w = greyBackground.getWidth();
        int h = greyBackground.getHeight();
        double size = scale * (0.8 + 0.4 * random.nextDouble());
        Raster alpha = shape.draw(w, h, size, random).getRaster();
        int peak = maxValue(alpha);
        // Spots scattered past a small image's border can miss it entirely: draw another instance.
        for (int attempt = 1; peak == 0; attempt++) {
            if (attempt == MAX_DRAWS) {
                throw new IllegalStateException("No visible " + shape + " instance on a " + w + "x" + h + " image");
            }
            alpha = shape.draw(w, h, size, random).getRaster();
            peak = maxValue(alpha);
        }
        int labelFrom = Math.min(128, peak);
        Raster background = greyBackground.getRaster();
        Raster surface = texture == null ? background : texture.getRaster();
        double backgroundMean = mean(background);
        double surfaceMean = texture == null ? backgroundMean : mean(surface);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = image.getRaster();
        WritableRaster labels = mask.getRaster();
        int sw = surface.getWidth();
        int sh = surface.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int bg = background.getSample(x, y, 0);
                int a = alpha.getSample(x, y, 0);
                if (a == 0) {
                    out.setSample(x, y, 0, bg);
                    continue;
                }
                double own = surface.getSample(x % sw, y % sh, 0);
                double value = backgroundMean + (own - surfaceMean) * contrast + shift
                        + grain * random.nextGaussian();
                double blended = bg + (clamp(value) - bg) * a / 255.0;
                out.setSample(x, y, 0, (int) Math.round(clamp(blended)));
                labels.setSample(x, y, 0, a >= labelFrom ? 255 : 0);
            }
        }
        return new MemorySample(id, image, mask);
    }

    private static int maxValue(Raster raster) {
        int max = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                max = Math.max(max, raster.getSample(x, y, 0));
            }
        }
        return max;
    }

    private static double mean(Raster raster) {
        long sum = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                sum += raster.getSample(x, y, 0);
            }
        }
        return sum / (double) (raster.getWidth() * raster.getHeight());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
