package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * A learned refinement of the {@link MatchingPrior} that sees only similarity evidence
 * ({@link MatchingPrior#evidence}), never image features. The heads that read features learned the six training
 * classes' look and lost to the plain matcher on new ones (docs/benchmarks.md, ablations); this one can only learn how
 * to weigh matching evidence, which is the same for every class. Output: {@code prior + g net(evidence)}, g from 0.
 *
 * <p>Forward: {@code [evidence (B,8,h,w), prior logits (B,1,h,w)] -> [logits (B,1,h,w)]}.
 */
public final class MatchRefiner extends AbstractBlock {

    /** Evidence channels ({@link MatchingPrior#evidence}). */
    public static final int EVIDENCE = 8;

    private static final byte VERSION = 1;
    private static final int WIDTH = 16;

    private final Block net;
    private final Parameter gate;

    public MatchRefiner() {
        super(VERSION);
        net = addChildBlock("net", new SequentialBlock()
                .add(conv(WIDTH, 3, 1))
                .add(Activation::relu)
                .add(conv(WIDTH, 3, 2))
                .add(Activation::relu)
                .add(conv(WIDTH, 3, 4))
                .add(Activation::relu)
                .add(conv(1, 1, 1)));
        gate = addParameter(Parameter.builder().setName("gate").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(0f)).build());
    }

    private static Block conv(int filters, int kernel, int dilation) {
        int pad = dilation * (kernel - 1) / 2;
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(pad, pad)).optDilation(new Shape(dilation, dilation)).build();
    }

    /** The refined prior at layer2's resolution for a query's backbone stages (layer1..layer3). */
    public NDArray logits(ParameterStore ps, MatchingPrior prior, NDList queryStages, NDList support,
            boolean training) {
        NDArray unit = MatchingPrior.unitFeatures(queryStages);
        NDList inputs = new NDList(unit);
        inputs.addAll(support);
        NDArray priorLogits = prior.forward(ps, inputs, training).singletonOrThrow();
        NDArray evidence = MatchingPrior.evidence(unit, support);
        return forward(ps, new NDList(evidence, priorLogits), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray prior = inputs.get(1);
        NDArray head = net.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        return new NDList(prior.add(head.mul(ps.getValue(gate, prior.getDevice(), training))));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        net.initialize(manager, dataType, ConvBlocks.nchw(EVIDENCE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
