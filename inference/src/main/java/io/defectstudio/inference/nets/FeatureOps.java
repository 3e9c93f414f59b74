package io.defectstudio.inference.nets;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Stateless tensor operations the few-shot heads share. All work on NCHW float arrays and are differentiable. */
public final class FeatureOps {

    private static final float EPS = 1e-5f;

    private FeatureOps() {}

    /** Bilinear resize (align_corners=false) to {@code h x w}; returns the input when it already has that size. */
    public static NDArray resize(NDArray x, long h, long w) {
        Shape s = x.getShape();
        if (s.get(2) == h && s.get(3) == w) {
            return x;
        }
        return x.getNDArrayInternal().interpolation(new long[] {h, w}, Image.Interpolation.BILINEAR.ordinal(), false);
    }

    /** Resizes {@code x} to the spatial size of {@code like}. */
    public static NDArray resizeLike(NDArray x, NDArray like) {
        return resize(x, like.getShape().get(2), like.getShape().get(3));
    }

    /**
     * The fraction of each feature cell covered by the mask, (N,1,H,W) -> (N,1,h,w): an area average, so a thin
     * defect keeps a non-zero weight where a bilinear sample could miss it.
     */
    public static NDArray maskFraction(NDArray mask, long h, long w) {
        Shape s = mask.getShape();
        // The backbone's stride: the smallest window whose ceil-mode pooling yields at most h x w cells.
        long strideH = (s.get(2) + h - 1) / h;
        long strideW = (s.get(3) + w - 1) / w;
        NDArray pooled = mask.getNDArrayInternal().avgPool(
                new Shape(strideH, strideW), new Shape(strideH, strideW), new Shape(0, 0), true, false);
        return resize(pooled, h, w);
    }

    /** Masked average pooling: (N,C,h,w) features and (N,1,h,w) weights -> (N,C,1,1). */
    public static NDArray maskedAveragePool(NDArray features, NDArray weights) {
        NDArray sum = features.mul(weights).sum(new int[] {2, 3}, true);
        NDArray area = weights.sum(new int[] {2, 3}, true).add(EPS);
        return sum.div(area);
    }

    /** (N,C,h,w) -> (N,C,h*w). */
    public static NDArray flatten(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
    }

    /**
     * Scales every vector along {@code axis} to unit L2 norm. Zero vectors (masked-out support positions) stay zero,
     * and the epsilon inside the root keeps their gradient finite.
     */
    public static NDArray l2Normalize(NDArray x, int axis) {
        NDArray norm = x.square().sum(new int[] {axis}, true).add(EPS * EPS).sqrt();
        return x.div(norm);
    }

    /** (B,K,...) -> (B*K,...). */
    public static NDArray foldShots(NDArray x) {
        Shape s = x.getShape();
        long[] dims = new long[s.dimension() - 1];
        dims[0] = s.get(0) * s.get(1);
        for (int i = 2; i < s.dimension(); i++) {
            dims[i - 1] = s.get(i);
        }
        return x.reshape(new Shape(dims));
    }

    /** (B*K,...) -> (B,K,...). */
    public static NDArray unfoldShots(NDArray x, long batch, long shots) {
        Shape s = x.getShape();
        long[] dims = new long[s.dimension() + 1];
        dims[0] = batch;
        dims[1] = shots;
        for (int i = 1; i < s.dimension(); i++) {
            dims[i + 1] = s.get(i);
        }
        return x.reshape(new Shape(dims));
    }

    /** Expands an encoded support tensor with batch 1 to {@code batch}; other batch sizes must already match. */
    public static NDArray expandBatch(NDArray x, long batch) {
        long b = x.getShape().get(0);
        if (b == batch) {
            return x;
        }
        if (b != 1) {
            throw new IllegalArgumentException(
                    "encoded support has batch " + b + " but there are " + batch + " queries (expected 1 or " + batch
                            + ")");
        }
        long[] dims = x.getShape().getShape();
        dims[0] = batch;
        return x.broadcast(new Shape(dims));
    }

    /**
     * For each query position, the highest cosine similarity to any support position (PFENet's prior): query
     * (B,C,Lq) and support (B,C,Ls), both L2-normalised along C -> (B,Lq). Masked-out support vectors are zero, so
     * they score 0 and never win over a matching foreground vector.
     */
    public static NDArray maxCosine(NDArray queryUnit, NDArray supportUnit) {
        return queryUnit.transpose(0, 2, 1).matMul(supportUnit).max(new int[] {2});
    }

    /** Per-sample min-max normalisation of (B,1,h,w) maps to [0,1]. */
    public static NDArray minMaxNormalise(NDArray maps) {
        Shape s = maps.getShape();
        NDArray flat = maps.reshape(s.get(0), s.get(1) * s.get(2) * s.get(3));
        NDArray min = flat.min(new int[] {1}, true);
        NDArray max = flat.max(new int[] {1}, true);
        return flat.sub(min).div(max.sub(min).add(EPS)).reshape(s);
    }
}
