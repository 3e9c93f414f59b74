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
import io.defectstudio.inference.nets.FeatureOps;

/**
 * Information Fusion Module (LERENet Eq. 15): M_q = F(R(C(P_main, P_aux))): concatenation, a 1x1 convolution that
 * fuses the 2c+1 channels back to c, two residual blocks and the classifier F, then R upsamples to the input size.
 *
 * <p>Forward: {@code [P_main (B,c,h,w), P_aux (B,c+1,h,w)]} ->
 * {@code [logits (B,1,h,w)]} at feature resolution.
 */
public final class IFM extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int channels;
    private final Block fuse;
    private final Block res;
    private final Block cls;

    public IFM(int channels) {
        super(VERSION);
        this.channels = channels;
        fuse = addChildBlock("fuse", ConvBlocks.convBnRelu(1, channels));
        res = addChildBlock("res", new SequentialBlock()
                .add(ConvBlocks.residual(channels))
                .add(ConvBlocks.residual(channels)));
        cls = addChildBlock("cls", ConvBlocks.classifier(channels, 0.1f));
    }

    /** Eq. 15 up to the upsampling R, which {@link #segment} adds. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray joined = inputs.get(0).concat(inputs.get(1), 1);
        NDList x = fuse.forward(ps, new NDList(joined), training);
        x = res.forward(ps, x, training);
        return cls.forward(ps, x, training);
    }

    /** Eq. 15 with R: logits upsampled to {@code height x width}. */
    public NDArray segment(ParameterStore ps, NDArray main, NDArray aux, long height, long width, boolean training) {
        NDArray logits = forward(ps, new NDList(main, aux), training).singletonOrThrow();
        return FeatureOps.resize(logits, height, width);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fuse.initialize(manager, dataType, ConvBlocks.nchw(2L * channels + 1));
        res.initialize(manager, dataType, ConvBlocks.nchw(channels));
        cls.initialize(manager, dataType, ConvBlocks.nchw(channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }
}
