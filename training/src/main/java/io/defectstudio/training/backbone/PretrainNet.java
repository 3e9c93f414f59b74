package io.defectstudio.training.backbone;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.Backbone;

/**
 * A backbone with a small class-agnostic segmentation head, used to pre-train the backbone on defect masks (the
 * LERENet paper pre-trains its backbone on the defect data itself; no ImageNet weights exist here). The head reads
 * layer2, layer3 and layer4 so that every stage the few-shot heads use receives gradients.
 *
 * <p>Input {@code [images (B,3,H,W)]}; output {@code [logits (B,1,H,W)]}.
 */
public final class PretrainNet extends AbstractBlock {

    private static final int HEAD_CHANNELS = 64;

    private final Backbone backbone;
    private final Block head;

    public PretrainNet(Backbone backbone) {
        this.backbone = addChildBlock("backbone", backbone);
        this.head = addChildBlock("head", new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(HEAD_CHANNELS).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build()));
    }

    public Backbone backbone() {
        return backbone;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray images = inputs.singletonOrThrow();
        NDList stages = backbone.forward(ps, new NDList(images), training);
        NDArray layer2 = stages.get(1);
        long[] size = {layer2.getShape().get(2), layer2.getShape().get(3)};
        // Stride-8 fusion of the mid and high stages, then a per-pixel defect logit upsampled to the input size.
        NDArray fused = NDArrays.concat(new NDList(layer2, resize(stages.get(2), size), resize(stages.get(3), size)),
                1);
        NDArray logits = head.forward(ps, new NDList(fused), training).singletonOrThrow();
        return new NDList(resize(logits, new long[] {images.getShape().get(2), images.getShape().get(3)}));
    }

    static NDArray resize(NDArray x, long[] size) {
        return x.getNDArrayInternal().interpolation(size, Image.Interpolation.BILINEAR.ordinal(), false);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] stages = backbone.getOutputShapes(inputShapes);
        long channels = stages[1].get(1) + stages[2].get(1) + stages[3].get(1);
        head.initialize(manager, dataType,
                new Shape(stages[1].get(0), channels, stages[1].get(2), stages[1].get(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
    }
}
