package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.FeatureOps;

/**
 * Global response mask average pooling (EAMNet): GRN on the support features, then masked average pooling,
 * p = sum(GRN(F) M) / sum(M); K-shot prototypes are averaged (the authors' code sums them, which scales the
 * prototype with K: a model trained 1-shot then painted nothing at 5 shots). The same GRN normalises the query map.
 *
 * <p>Forward: {@code [features (N,c,h,w), maskWeights (N,1,h,w)] -> [prototype (N,c,1,1)]}.
 */
public final class GRMAP extends AbstractBlock {


    private final int channels;
    private final GRN grn;

    public GRMAP(int channels) {
        this.channels = channels;
        grn = addChildBlock("grn", new GRN(channels));
    }

    /** GRN of a (query) feature map. */
    public NDArray normalise(ParameterStore ps, NDArray features, boolean training) {
        return grn.forward(ps, new NDList(features), training).singletonOrThrow();
    }

    /** The K-shot prototype: features (B*K,c,h,w), masks (B,K,1,H,W) -> (B,c,1,1), the shots' prototypes averaged. */
    public NDArray prototype(ParameterStore ps, NDArray features, NDArray masks, boolean training) {
        Shape s = features.getShape();
        NDArray weights = FeatureOps.maskFraction(FeatureOps.foldShots(masks), s.get(2), s.get(3));
        NDArray perShot = forward(ps, new NDList(features, weights), training).singletonOrThrow();
        return FeatureOps.unfoldShots(perShot, masks.getShape().get(0), masks.getShape().get(1)).mean(new int[] {1});
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray normalised = normalise(ps, inputs.get(0), training);
        return new NDList(FeatureOps.maskedAveragePool(normalised, inputs.get(1)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        grn.initialize(manager, dataType, new Shape(1, channels, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), channels, 1, 1)};
    }
}
