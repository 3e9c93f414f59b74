package io.defectstudio.inference.nets.inception;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;

/**
 * The Inception modules of Szegedy et al. 2016 ("Rethinking the Inception Architecture"), as Keras builds them:
 * parallel branches concatenated along channels, in the order the weights' {@code mixedN} layers concatenate them.
 */
final class InceptionModules {

    private InceptionModules() {
    }

    /** Figure 5, the 35x35 module (mixed0-2): 1x1; 1x1-5x5; 1x1-3x3-3x3; 3x3 average pool-1x1. */
    static Block a(int poolFeatures) {
        return concat(
                branch(ConvUnit.same(64, 1, 1)),
                branch(ConvUnit.same(48, 1, 1), ConvUnit.same(64, 5, 5)),
                branch(ConvUnit.same(64, 1, 1), ConvUnit.same(96, 3, 3), ConvUnit.same(96, 3, 3)),
                branch(averagePool(), ConvUnit.same(poolFeatures, 1, 1)));
    }

    /** Figure 10, the grid reduction 35 -> 17 (mixed3): 3x3/2; 1x1-3x3-3x3/2; 3x3/2 max pool. */
    static Block reductionA() {
        return concat(
                branch(ConvUnit.valid(384, 3, 2)),
                branch(ConvUnit.same(64, 1, 1), ConvUnit.same(96, 3, 3), ConvUnit.valid(96, 3, 2)),
                branch(maxPool()));
    }

    /** Figure 6 with n = 7, the 17x17 module (mixed4-7): 1x1; 1x1-1x7-7x1; 1x1-7x1-1x7-7x1-1x7; pool-1x1. */
    static Block b(int c7) {
        return concat(
                branch(ConvUnit.same(192, 1, 1)),
                branch(ConvUnit.same(c7, 1, 1), ConvUnit.same(c7, 1, 7), ConvUnit.same(192, 7, 1)),
                branch(ConvUnit.same(c7, 1, 1), ConvUnit.same(c7, 7, 1), ConvUnit.same(c7, 1, 7),
                        ConvUnit.same(c7, 7, 1), ConvUnit.same(192, 1, 7)),
                branch(averagePool(), ConvUnit.same(192, 1, 1)));
    }

    /** The grid reduction 17 -> 8 (mixed8): 1x1-3x3/2; 1x1-1x7-7x1-3x3/2; 3x3/2 max pool. */
    static Block reductionB() {
        return concat(
                branch(ConvUnit.same(192, 1, 1), ConvUnit.valid(320, 3, 2)),
                branch(ConvUnit.same(192, 1, 1), ConvUnit.same(192, 1, 7), ConvUnit.same(192, 7, 1),
                        ConvUnit.valid(192, 3, 2)),
                branch(maxPool()));
    }

    /** 3x3/2 max pooling, "valid". */
    static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(0, 0));
    }

    /**
     * 3x3/1 average pooling, "same"; as in TensorFlow, the padding is not counted in the mean. DJL 0.35.1's PyTorch
     * engine ignores {@code countIncludePad = false}, so the zero-padded mean is divided by the share of each window
     * that lies inside the image.
     */
    static Block averagePool() {
        Shape kernel = new Shape(3, 3);
        Shape stride = new Shape(1, 1);
        Shape padding = new Shape(1, 1);
        return new LambdaBlock(inputs -> {
            NDArray x = inputs.singletonOrThrow();
            NDArray coverage = Pool.avgPool2d(x.get(":, :1").onesLike(), kernel, stride, padding, false, true);
            return new NDList(Pool.avgPool2d(x, kernel, stride, padding, false, true).div(coverage));
        });
    }

    private static Block branch(Block... blocks) {
        return new SequentialBlock().addAll(blocks);
    }

    private static Block concat(Block... branches) {
        return new ParallelBlock(outputs -> new NDList(NDArrays.concat(
                new NDList(outputs.stream().map(NDList::singletonOrThrow).toArray(NDArray[]::new)), 1)),
                Arrays.asList(branches));
    }
}
