package io.defectstudio.inference.nets.lerenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.ConvBlocks;

/**
 * Information Fusion Module (LERENet Eq. 15): M_q = F(R(C(P_main, P_aux))): concatenation, a 1x1 convolution that
 * fuses the 2c+2 channels back to c, two residual blocks and the classifier F, then R upsamples to the input size.
 * P_aux carries the matching prior as its last channel; LERENet adds the logits to that prior
 * ({@link io.defectstudio.inference.nets.MatchingPrior#refine}).
 *
 * <p>Forward: {@code [P_main (B,c,h,w), P_aux with the matching prior (B,c+2,h,w)]} ->
 * {@code [logits (B,1,h,w)]} at feature resolution.
 */
public final class IFM extends AbstractBlock {


    private final int channels;
    private final Block fuse;
    private final Block res;
    private final Block cls;

    public IFM(int channels) {
        this.channels = channels;
        fuse = addChildBlock("fuse", ConvBlocks.convBnRelu(1, channels));
        res = addChildBlock("res", new SequentialBlock()
                .add(ConvBlocks.residual(channels))
                .add(ConvBlocks.residual(channels)));
        cls = addChildBlock("cls", ConvBlocks.classifier(channels, 0.1f));
    }

    /** Eq. 15 up to the upsampling R, which LERENet applies after the residual on the prior. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray joined = inputs.get(0).concat(inputs.get(1), 1);
        NDList x = fuse.forward(ps, new NDList(joined), training);
        x = res.forward(ps, x, training);
        return cls.forward(ps, x, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fuse.initialize(manager, dataType, ConvBlocks.nchw(2L * channels + 2));
        res.initialize(manager, dataType, ConvBlocks.nchw(channels));
        cls.initialize(manager, dataType, ConvBlocks.nchw(channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }
}
