package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LERENet's middle-level features (appendix B.1): layer2 and layer3 (upsampled to layer2's size) concatenated and
 * reduced to {@code c} channels by a 1x1 convolution, BatchNorm and ReLU. Input {@code [layer2, layer3]}, output
 * {@code [(N,c,h2,w2)]}.
 */
public final class MidLevelFeatures extends AbstractBlock {


    private final int inChannels;
    private final int channels;
    private final Block reduce;

    public MidLevelFeatures(int layer2Channels, int layer3Channels, int channels) {
        this.inChannels = layer2Channels + layer3Channels;
        this.channels = channels;
        reduce = addChildBlock("reduce", ConvBlocks.convBnRelu(1, channels));
    }

    /** Runs the backbone up to layer3 on (N,3,H,W) images and returns their (N,c,h,w) mid-level features. */
    public NDArray extract(ParameterStore ps, Backbone backbone, NDArray images, boolean training) {
        return fromStages(ps, backbone.stages(ps, images, training, 3), training);
    }

    /** The (N,c,h,w) mid-level features of backbone stages layer1..layer3 that the caller has already run. */
    public NDArray fromStages(ParameterStore ps, NDList stages, boolean training) {
        return forward(ps, new NDList(stages.get(1), stages.get(2)), training).singletonOrThrow();
    }

    /**
     * Masks K-shot support features and averages the shots (LERENet Eq. 16): features (B*K,c,h,w), masks
     * (B,K,1,H,W) -> {@code [maskedFeatures (B,c,h,w), maskWeights (B,1,h,w)]}, both averaged over K.
     */
    public static NDList maskAndAverageShots(NDArray features, NDArray masks) {
        Shape s = features.getShape();
        long batch = masks.getShape().get(0);
        long shots = masks.getShape().get(1);
        NDArray weights = FeatureOps.maskFraction(FeatureOps.foldShots(masks), s.get(2), s.get(3));
        NDArray masked = FeatureOps.unfoldShots(features.mul(weights), batch, shots).mean(new int[] {1});
        NDArray meanWeights = FeatureOps.unfoldShots(weights, batch, shots).mean(new int[] {1});
        return new NDList(masked, meanWeights);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray layer2 = inputs.get(0);
        NDArray layer3 = FeatureOps.resizeLike(inputs.get(1), layer2);
        return reduce.forward(ps, new NDList(layer2.concat(layer3, 1)), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        reduce.initialize(manager, dataType, ConvBlocks.nchw(inChannels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape l2 = inputShapes[0];
        return new Shape[] {new Shape(l2.get(0), channels, l2.get(2), l2.get(3))};
    }
}
