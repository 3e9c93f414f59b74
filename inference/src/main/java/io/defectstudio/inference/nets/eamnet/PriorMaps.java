package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.FeatureOps;

/**
 * Training-free prior maps (PFENet, as EAMNet uses them): for each query position of layer3 and of layer4, the
 * maximum cosine similarity to the masked support positions (averaged over shots), min-max normalised per image;
 * the two maps (layer4's upsampled to layer3's size) go through BatchNorm and are scaled by beta = 0.4.
 *
 * <p>Support side ({@link #supportVectors}): masked, unit-length support vectors (B,K,C,L) per layer. Forward:
 * {@code [query layer3, query layer4, support3, support4] -> [(B,2,h3,w3)]}.
 */
public final class PriorMaps extends AbstractBlock {

    private static final float BETA = 0.4f;

    private final Block norm;

    public PriorMaps() {
        norm = addChildBlock("bn", BatchNorm.builder().build());
    }

    /** Masked unit-length support vectors of one layer: features (B*K,C,h,w), masks (B,K,1,H,W) -> (B,K,C,h*w). */
    public static NDArray supportVectors(NDArray features, NDArray masks) {
        Shape s = features.getShape();
        NDArray weights = FeatureOps.maskFraction(FeatureOps.foldShots(masks), s.get(2), s.get(3));
        NDArray unit = FeatureOps.l2Normalize(FeatureOps.flatten(features.mul(weights)), 1);
        return FeatureOps.unfoldShots(unit, masks.getShape().get(0), masks.getShape().get(1));
    }

    /** One prior map: query (B,C,h,w), support (B,K,C,L) -> (B,1,h,w) in [0,1]. */
    private static NDArray prior(NDArray query, NDArray support) {
        Shape q = query.getShape();
        NDArray queryUnit = FeatureOps.l2Normalize(FeatureOps.flatten(query), 1).transpose(0, 2, 1).expandDims(1);
        // (B,1,Lq,C) x (B,K,C,L) -> (B,K,Lq,L); best support match per shot, averaged over shots.
        NDArray best = queryUnit.matMul(support).max(new int[] {3}).mean(new int[] {1});
        return FeatureOps.minMaxNormalise(best.reshape(q.get(0), 1, q.get(2), q.get(3)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray prior3 = prior(inputs.get(0), inputs.get(2));
        NDArray prior4 = FeatureOps.resizeLike(prior(inputs.get(1), inputs.get(3)), prior3);
        NDArray both = norm.forward(ps, new NDList(prior3.concat(prior4, 1)), training).singletonOrThrow();
        return new NDList(both.mul(BETA));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, new Shape(1, 2, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 2, q.get(2), q.get(3))};
    }
}
