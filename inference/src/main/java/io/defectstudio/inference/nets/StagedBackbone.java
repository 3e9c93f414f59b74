package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** A backbone that is a chain of five blocks: the stem, then layer1..layer4, each feeding the next. */
public abstract class StagedBackbone extends Backbone {

    private final Block[] blocks = new Block[5];

    /** Adds stage {@code number} (0 the stem); stages must be added in order, which fixes the parameter names. */
    protected final void addStage(int number, Block block) {
        checkStageNumber(number);
        blocks[number] = addChildBlock(number == 0 ? "stem" : "layer" + number, block);
    }

    @Override
    public NDList stages(ParameterStore ps, NDArray images, boolean training, int count) {
        checkStageCount(count);
        NDList x = blocks[0].forward(ps, new NDList(images), training);
        NDList out = new NDList(count);
        for (int i = 1; i <= count; i++) {
            x = blocks[i].forward(ps, x, training);
            out.add(x.singletonOrThrow());
        }
        return out;
    }

    @Override
    public Block stage(int number) {
        checkStageNumber(number);
        return blocks[number];
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block block : blocks) {
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = blocks[0].getOutputShapes(inputShapes);
        Shape[] out = new Shape[4];
        for (int i = 1; i <= 4; i++) {
            shapes = blocks[i].getOutputShapes(shapes);
            out[i - 1] = shapes[0];
        }
        return out;
    }
}
