package io.defectstudio.inference.nets.inception;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * InceptionV3's unit: a convolution whose BatchNorm is folded into its bias (by the converter), then ReLU,
 * {@code y = max(W * x + b, 0)}. Padding is "valid" or, for stride 1, "same" ({@code k/2} on each side, which is
 * symmetric for odd kernels, so TensorFlow's and PyTorch's rules agree).
 */
final class ConvUnit extends AbstractBlock {

    private final Conv2d conv;

    private ConvUnit(int filters, int kernelH, int kernelW, int stride, boolean same) {
        conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernelH, kernelW))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(same ? new Shape(kernelH / 2, kernelW / 2) : new Shape(0, 0))
                .optBias(true)
                .build());
    }

    /** A stride-1 convolution with "same" padding. */
    static ConvUnit same(int filters, int kernelH, int kernelW) {
        return new ConvUnit(filters, kernelH, kernelW, 1, true);
    }

    /** A convolution with "valid" padding: the output shrinks by {@code k - 1} before the stride. */
    static ConvUnit valid(int filters, int kernel, int stride) {
        return new ConvUnit(filters, kernel, kernel, stride, false);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(Activation.relu(conv.forward(ps, inputs, training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }
}
