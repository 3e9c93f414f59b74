package io.defectstudio.inference.nets.lerenet;

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
 * Multi-Prototype Excitation with global edge information, MPE* (LERENet Sec. 4.2). The support prototype
 * X_proj = avg(X_s) (Eq. 12, masked average pooling) guides the query, P_proj = X_proj (x) X_q (Eq. 13); CBAM
 * activates it to P_e (Eq. 4-5); the global edge information D_cos (Eq. 14) is the cosine similarity of each query
 * descriptor to the masked support descriptors, reduced by its maximum over the support; P_aux = [P_e, D_cos].
 *
 * <p>Forward: {@code [X_q (B,c,h,w), X_proj (B,c,1,1), support descriptors (B,c,L) unit length]} ->
 * {@code [P_aux (B,c+1,h,w)]}.
 */
public final class MPE extends AbstractBlock {


    private final int channels;
    private final CBAM cbam;

    public MPE(int channels) {
        this.channels = channels;
        cbam = addChildBlock("cbam", new CBAM(channels, 16));
    }

    /** Eq. 12: the support prototype from masked features and their mask weights, (B,c,1,1). */
    public static NDArray prototype(NDArray maskedSupport, NDArray maskWeights) {
        NDArray sum = maskedSupport.sum(new int[] {2, 3}, true);
        return sum.div(maskWeights.sum(new int[] {2, 3}, true).add(1e-5f));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray query = inputs.get(0);
        NDArray prototype = inputs.get(1);
        NDArray supportUnit = inputs.get(2);
        Shape q = query.getShape();
        // Eq. 13: guided multi-prototype.
        NDArray guided = query.mul(prototype);
        // Eq. 4-5: activated multi-prototype P_e.
        NDArray excited = cbam.forward(ps, new NDList(guided), training).singletonOrThrow();
        // Eq. 14: global edge information, best cosine match of each query descriptor in the support.
        NDArray queryUnit = FeatureOps.l2Normalize(FeatureOps.flatten(query), 1);
        NDArray edge = FeatureOps.maxCosine(queryUnit, supportUnit).reshape(q.get(0), 1, q.get(2), q.get(3));
        return new NDList(excited.concat(edge, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        cbam.initialize(manager, dataType, new Shape(1, channels, 8, 8));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), channels + 1L, q.get(2), q.get(3))};
    }
}
