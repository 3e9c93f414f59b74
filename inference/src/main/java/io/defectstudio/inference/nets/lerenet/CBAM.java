package io.defectstudio.inference.nets.lerenet;

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
 * Convolutional block attention (LERENet Sec. 3, Fig. 4): channel attention F' = F x Y(avg(F)) (Eq. 4), Y a
 * bottleneck of two 1x1 convolutions and a sigmoid; then spatial attention F'' = F' x sigma(Conv(F')) (Eq. 5), the
 * 7x7 convolution reading the channel mean and max of F'.
 */
public final class CBAM extends AbstractBlock {


    private final int channels;
    private final Block channelGate;
    private final Block spatialGate;

    public CBAM(int channels, int reduction) {
        this.channels = channels;
        int hidden = Math.max(4, channels / reduction);
        channelGate = addChildBlock("channel", new SequentialBlock()
                .add(ConvBlocks.conv(1, hidden, true))
                .add(Activation.reluBlock())
                .add(ConvBlocks.conv(1, channels, true))
                .add(Activation.sigmoidBlock()));
        spatialGate = addChildBlock("spatial", new SequentialBlock()
                .add(ConvBlocks.conv(7, 1, true))
                .add(Activation.sigmoidBlock()));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray f = inputs.singletonOrThrow();
        // Eq. 4: channel weights from the global average.
        Shape s = f.getShape();
        NDArray pooled = f.sum(new int[] {2, 3}, true).div(s.get(2) * s.get(3));
        NDArray fc = f.mul(channelGate.forward(ps, new NDList(pooled), training).singletonOrThrow());
        // Eq. 5: spatial weights from the channel mean and max.
        NDArray descriptor = fc.mean(new int[] {1}, true).concat(fc.max(new int[] {1}, true), 1);
        return new NDList(fc.mul(spatialGate.forward(ps, new NDList(descriptor), training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        channelGate.initialize(manager, dataType, new Shape(1, channels, 1, 1));
        spatialGate.initialize(manager, dataType, ConvBlocks.nchw(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
