package io.defectstudio.inference.nets.eamnet;

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
 * EAMNet's decoder: concat[GRN(query) c, expanded prototype c, adaptive factor 1, priors 3] = 2c+4 channels ->
 * 1x1 conv -> two residual 3x3 blocks -> SE attention -> classifier (3x3, dropout 0.1, 1x1).
 *
 * <p>Forward: {@code [query, prototype expanded, factor, priors]} (all at the same h x w) ->
 * {@code [logits (B,1,h,w), attention (B,1,h,w)]}.
 */
public final class Decoder extends AbstractBlock {

    /** PFENet's layer3 and layer4 priors and the matching prior. */
    private static final int PRIORS = 3;

    private final int channels;
    private final Block fuse;
    private final Block res;
    private final SEAttention attention;
    private final Block cls;

    public Decoder(int channels) {
        this.channels = channels;
        fuse = addChildBlock("fuse", ConvBlocks.convBnRelu(1, channels));
        res = addChildBlock("res", new SequentialBlock()
                .add(ConvBlocks.residual(channels))
                .add(ConvBlocks.residual(channels)));
        attention = addChildBlock("attention", new SEAttention(channels));
        cls = addChildBlock("cls", ConvBlocks.classifier(channels, 0.1f));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray joined = inputs.get(0).concat(inputs.get(1), 1).concat(inputs.get(2), 1).concat(inputs.get(3), 1);
        NDList x = res.forward(ps, fuse.forward(ps, new NDList(joined), training), training);
        NDList attended = attention.forward(ps, x, training);
        NDArray logits = cls.forward(ps, new NDList(attended.get(0)), training).singletonOrThrow();
        return new NDList(logits, attended.get(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fuse.initialize(manager, dataType, ConvBlocks.nchw(2L * channels + PRIORS + 1));
        res.initialize(manager, dataType, ConvBlocks.nchw(channels));
        attention.initialize(manager, dataType, ConvBlocks.nchw(channels));
        cls.initialize(manager, dataType, ConvBlocks.nchw(channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        Shape map = new Shape(q.get(0), 1, q.get(2), q.get(3));
        return new Shape[] {map, map};
    }
}
