package io.defectstudio.inference.nets.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution with bias (its BatchNorm folded in, as in the TensorFlow graphs the weights come from), TensorFlow
 * "SAME" padding and an optional ReLU6: {@code y = min(max(W * pad(x) + b, 0), 6)}.
 *
 * <p>TF pads {@code max((ceil(n/s) - 1) s + k - n, 0)} in total per axis and puts the odd pixel at the bottom/right;
 * a stride-2 3x3 convolution on an even size pads (0, 1), not PyTorch's symmetric (1, 1). The padding is computed per
 * input size, so the port matches the reference at any resolution.
 */
final class TfSameConv extends AbstractBlock {


    private final int kernel;
    private final int stride;
    private final int filters;
    private final boolean relu6;
    /** Stride 1 and an odd kernel: TF's padding is {@code (k - 1) / 2} on each side, which the convolution does. */
    private final boolean symmetric;
    private final Conv2d conv;

    /**
     * @param groups 1 for a dense convolution; {@code filters} for a depthwise one (its input width)
     */
    TfSameConv(int kernel, int stride, int filters, int groups, boolean relu6) {
        this.kernel = kernel;
        this.stride = stride;
        this.filters = filters;
        this.relu6 = relu6;
        symmetric = stride == 1 && kernel % 2 == 1;
        int ownPadding = symmetric ? (kernel - 1) / 2 : 0;
        conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(ownPadding, ownPadding))
                .optGroups(groups)
                .optBias(true)
                .build());
    }

    /** Output length along an axis of length {@code n} under TF "SAME": {@code ceil(n / s)}. */
    static long outputSize(long n, int stride) {
        return (n + stride - 1) / stride;
    }

    /** Total TF "SAME" padding along an axis of length {@code n}. */
    static long samePadding(long n, int kernel, int stride) {
        return Math.max((outputSize(n, stride) - 1) * stride + kernel - n, 0);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long padH = symmetric ? 0 : samePadding(s.get(2), kernel, stride);
        long padW = symmetric ? 0 : samePadding(s.get(3), kernel, stride);
        if (padH > 0 || padW > 0) {
            // (left, right, top, bottom): the last axis first.
            x = x.pad(new Shape(padW / 2, padW - padW / 2, padH / 2, padH - padH / 2), 0);
        }
        NDArray y = conv.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(relu6 ? y.clip(0, 6) : y);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, outputSize(s.get(2), stride), outputSize(s.get(3), stride))};
    }
}
