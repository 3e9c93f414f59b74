package io.defectstudio.inference.nets;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Factories for the convolution blocks the heads are made of. */
public final class ConvBlocks {

    private static final float BN_MOMENTUM = 0.9f;

    private ConvBlocks() {}

    /** A {@code k x k} convolution, stride 1, "same" padding. */
    public static Conv2d conv(int kernel, int filters, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias)
                .build();
    }

    /** Convolution, BatchNorm, ReLU. */
    public static SequentialBlock convBnRelu(int kernel, int filters) {
        return new SequentialBlock()
                .add(conv(kernel, filters, false))
                .add(BatchNorm.builder().optMomentum(BN_MOMENTUM).build())
                .add(Activation.reluBlock());
    }

    /** Convolution and BatchNorm. */
    public static SequentialBlock convBn(int kernel, int filters) {
        return new SequentialBlock()
                .add(conv(kernel, filters, false))
                .add(BatchNorm.builder().optMomentum(BN_MOMENTUM).build());
    }

    /** A basic residual block (3x3-3x3, identity shortcut) at constant width: the paper's "Res". */
    public static Block residual(int channels) {
        return ResNetV1.residualUnit(channels, new Shape(1, 1), true, false, BN_MOMENTUM);
    }

    /** A basic residual block whose 1x1-projected shortcut changes the width to {@code channels}. */
    public static Block residualProjecting(int channels) {
        return ResNetV1.residualUnit(channels, new Shape(1, 1), false, false, BN_MOMENTUM);
    }

    /** The segmentation classifier ("Cls"): 3x3 conv, ReLU, dropout, 1x1 conv to one logit channel. */
    public static SequentialBlock classifier(int channels, float dropout) {
        return new SequentialBlock()
                .add(conv(3, channels, true))
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(conv(1, 1, true));
    }

    /** A placeholder NCHW shape with {@code channels} channels, for initialising convolution blocks. */
    public static Shape nchw(long channels) {
        return new Shape(1, channels, 8, 8);
    }
}
