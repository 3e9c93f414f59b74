package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.ConvBlocks;

/**
 * EAMNet's SE-based attention head: squeeze-and-excitation y = x sigmoid(W2 GELU(W1 avg(x))) (reduction 8), and a
 * one-channel attention map A = W_a y that the attention-distillation loss compares with the downsampled ground
 * truth (KL of the two spatial softmaxes).
 *
 * <p>Forward: {@code [x (B,c,h,w)] -> [y (B,c,h,w), attention (B,1,h,w)]}.
 */
public final class SEAttention extends AbstractBlock {

    private static final int REDUCTION = 8;

    private final int channels;
    private final Block excitation;
    private final Block map;

    public SEAttention(int channels) {
        this.channels = channels;
        excitation = addChildBlock("excitation", new SequentialBlock()
                .add(ConvBlocks.conv(1, Math.max(4, channels / REDUCTION), true))
                .add(Activation::gelu)
                .add(ConvBlocks.conv(1, channels, true))
                .add(Activation.sigmoidBlock()));
        map = addChildBlock("map", ConvBlocks.conv(1, 1, true));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray squeezed = x.sum(new int[] {2, 3}, true).div(s.get(2) * s.get(3));
        NDArray y = x.mul(excitation.forward(ps, new NDList(squeezed), training).singletonOrThrow());
        return new NDList(y, map.forward(ps, new NDList(y), training).singletonOrThrow());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        excitation.initialize(manager, dataType, new Shape(1, channels, 1, 1));
        map.initialize(manager, dataType, ConvBlocks.nchw(channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {x, new Shape(x.get(0), 1, x.get(2), x.get(3))};
    }
}
