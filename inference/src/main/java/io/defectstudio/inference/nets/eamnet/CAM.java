package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.ConvBlocks;
import io.defectstudio.inference.nets.FeatureOps;

/**
 * Context adaptation module (EAMNet, FPN-like): P3 = W3 layer3; P2 = W2 layer2 + up(P3); P1 = W1 layer1 + up(P2),
 * W_i 1x1 convolutions to c channels; the output is P1 at layer1's resolution (stride 4).
 *
 * <p>Forward: {@code [layer1, layer2, layer3] -> [(N,c,h1,w1)]}.
 */
public final class CAM extends AbstractBlock {


    private final int[] inChannels;
    private final int channels;
    private final Block[] lateral = new Block[3];

    /** {@code stageChannels} of layer1..layer3 (or more; the rest are ignored), {@code channels} = c. */
    public CAM(int[] stageChannels, int channels) {
        this.inChannels = new int[] {stageChannels[0], stageChannels[1], stageChannels[2]};
        this.channels = channels;
        for (int i = 0; i < 3; i++) {
            lateral[i] = addChildBlock("lateral" + (i + 1), ConvBlocks.conv(1, channels, true));
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray top = lateral[2].forward(ps, new NDList(inputs.get(2)), training).singletonOrThrow();
        for (int i = 1; i >= 0; i--) {
            NDArray here = lateral[i].forward(ps, new NDList(inputs.get(i)), training).singletonOrThrow();
            top = here.add(FeatureOps.resizeLike(top, here));
        }
        return new NDList(top);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < 3; i++) {
            lateral[i].initialize(manager, dataType, ConvBlocks.nchw(inChannels[i]));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape l1 = inputShapes[0];
        return new Shape[] {new Shape(l1.get(0), channels, l1.get(2), l1.get(3))};
    }
}
