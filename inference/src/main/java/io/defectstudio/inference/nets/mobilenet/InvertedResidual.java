package io.defectstudio.inference.nets.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * MobileNetV2's inverted residual (Sandler et al. 2018, Table 1): a 1x1 expansion to {@code t c_in} channels with
 * ReLU6 (omitted when {@code t = 1}), a 3x3 depthwise convolution with ReLU6 and stride {@code s}, and a linear 1x1
 * projection to {@code c_out}; {@code y = x + F(x)} when {@code s = 1} and {@code c_in = c_out}.
 */
final class InvertedResidual extends AbstractBlock {


    private final int inChannels;
    private final int outChannels;
    private final int stride;
    private final TfSameConv expand;
    private final TfSameConv depthwise;
    private final TfSameConv project;

    InvertedResidual(int inChannels, int outChannels, int expansion, int stride) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.stride = stride;
        int hidden = inChannels * expansion;
        expand = expansion == 1 ? null : addChildBlock("expand", new TfSameConv(1, 1, hidden, 1, true));
        depthwise = addChildBlock("depthwise", new TfSameConv(3, stride, hidden, hidden, true));
        project = addChildBlock("project", new TfSameConv(1, 1, outChannels, 1, false));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        if (expand != null) {
            x = expand.forward(ps, x, training);
        }
        NDArray y = project.forward(ps, depthwise.forward(ps, x, training), training).singletonOrThrow();
        return new NDList(stride == 1 && inChannels == outChannels ? y.add(inputs.singletonOrThrow()) : y);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        if (expand != null) {
            expand.initialize(manager, dataType, shapes);
            shapes = expand.getOutputShapes(shapes);
        }
        depthwise.initialize(manager, dataType, shapes);
        project.initialize(manager, dataType, depthwise.getOutputShapes(shapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), outChannels, TfSameConv.outputSize(s.get(2), stride),
                TfSameConv.outputSize(s.get(3), stride))};
    }
}
