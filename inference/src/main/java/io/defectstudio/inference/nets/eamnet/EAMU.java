package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.ConvBlocks;

/**
 * Episode adaptive memory unit (EAMNet): an LSTM-like gated unit over x = s [query, prototype], s a learnable
 * scalar (init 0.5). Gates i, f, o = sigmoid(BN(W x)) and candidate g = GELU(W_g x) (1x1 convolutions);
 * the cell m = i g + alpha f M couples the episode with a learned memory M (the cross-episode memory lives in
 * parameters and BatchNorm statistics, so inference is stateless), alpha learnable (init 5e-3);
 * h = o SiLU(m); the adaptive factor is a 1x1 convolution of h to one channel.
 *
 * <p>Forward: {@code [query (B,c,h,w), prototype expanded (B,c,h,w)] -> [factor (B,1,h,w)]}.
 */
public final class EAMU extends AbstractBlock {


    private final int channels;
    private final int hidden;
    private final Parameter scale;
    private final Parameter alpha;
    private final Parameter memory;
    private final Block gates;
    private final Block candidate;
    private final Block output;

    public EAMU(int channels, int hidden) {
        this.channels = channels;
        this.hidden = hidden;
        scale = addParameter(Parameter.builder().setName("cell").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(0.5f)).build());
        alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(5e-3f)).build());
        memory = addParameter(Parameter.builder().setName("memory").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1, hidden, 1, 1)).optInitializer(new NormalInitializer(1f)).build());
        gates = addChildBlock("gates", ConvBlocks.convBn(1, 3 * hidden));
        candidate = addChildBlock("candidate", ConvBlocks.conv(1, hidden, true));
        output = addChildBlock("factor", ConvBlocks.conv(1, 1, true));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray first = inputs.get(0);
        NDArray s = ps.getValue(scale, first.getDevice(), training);
        NDArray a = ps.getValue(alpha, first.getDevice(), training);
        NDArray m0 = ps.getValue(memory, first.getDevice(), training);
        NDList x = new NDList(first.concat(inputs.get(1), 1).mul(s));
        NDList igo = gates.forward(ps, x, training).singletonOrThrow().getNDArrayInternal().sigmoid().split(3, 1);
        NDArray g = Activation.gelu(candidate.forward(ps, x, training).singletonOrThrow());
        NDArray cell = igo.get(0).mul(g).add(igo.get(1).mul(m0).mul(a));
        NDArray h = igo.get(2).mul(cell.mul(cell.getNDArrayInternal().sigmoid()));
        return output.forward(ps, new NDList(h), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        gates.initialize(manager, dataType, ConvBlocks.nchw(2L * channels));
        candidate.initialize(manager, dataType, ConvBlocks.nchw(2L * channels));
        output.initialize(manager, dataType, ConvBlocks.nchw(hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }
}
