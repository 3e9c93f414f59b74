package io.defectstudio.training.augment;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.SplittableRandom;

/**
 * Applies one random draw of an {@link AugmentationPolicy} to an image and its mask together: the same affine
 * transform (bilinear for the image, nearest neighbour for the mask so it stays binary), blur on the image only.
 * The output keeps the input size; areas rotated in from outside are background.
 */
public final class PairAugmenter {

    private final AugmentationPolicy policy;

    public PairAugmenter(AugmentationPolicy policy) {
        this.policy = policy;
    }

    public AugmentedPair apply(BufferedImage image, BufferedImage mask, SplittableRandom random) {
        if (image.getWidth() != mask.getWidth() || image.getHeight() != mask.getHeight()) {
            throw new IllegalArgumentException("Mask " + mask.getWidth() + "x" + mask.getHeight()
                    + " does not match image " + image.getWidth() + "x" + image.getHeight());
        }
        double scale = policy.minScale() + random.nextDouble() * (policy.maxScale() - policy.minScale());
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * policy.maxRotationDegrees());
        boolean flip = random.nextDouble() < policy.flipProbability();
        boolean blur = random.nextDouble() < policy.blurProbability();
        double sigma = 0.5 + random.nextDouble();
        AffineTransform transform = transform(image.getWidth(), image.getHeight(), scale, angle, flip);
        BufferedImage outImage = warp(image, transform, AffineTransformOp.TYPE_BILINEAR);
        BufferedImage outMask = warp(mask, transform, AffineTransformOp.TYPE_NEAREST_NEIGHBOR);
        if (blur) {
            outImage = gaussianBlur(outImage, sigma);
        }
        return new AugmentedPair(outImage, outMask);
    }

    private static AffineTransform transform(int w, int h, double scale, double angle, boolean flip) {
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(angle);
        t.scale(flip ? -scale : scale, scale);
        t.translate(-w / 2.0, -h / 2.0);
        return t;
    }

    private static BufferedImage warp(BufferedImage source, AffineTransform transform, int interpolation) {
        if (transform.isIdentity()) {
            return source;
        }
        BufferedImage target = new BufferedImage(source.getColorModel(),
                source.getRaster().createCompatibleWritableRaster(source.getWidth(), source.getHeight()),
                source.isAlphaPremultiplied(), null);
        new AffineTransformOp(transform, interpolation).filter(source, target);
        return target;
    }

    private static BufferedImage gaussianBlur(BufferedImage source, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2 * sigma));
        int size = 2 * radius + 1;
        float[] row = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            int d = i - radius;
            row[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
            sum += row[i];
        }
        for (int i = 0; i < size; i++) {
            row[i] /= sum;
        }
        RenderingHints hints = null;
        BufferedImage horizontal = new ConvolveOp(new Kernel(size, 1, row), ConvolveOp.EDGE_NO_OP, hints)
                .filter(source, null);
        return new ConvolveOp(new Kernel(1, size, row), ConvolveOp.EDGE_NO_OP, hints).filter(horizontal, null);
    }
}
