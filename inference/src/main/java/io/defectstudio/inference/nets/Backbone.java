package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolutional feature extractor that exposes its four stages.
 *
 * <p>Forward input: {@code [images (B,3,H,W)]}, normalised. Forward output: {@code [layer1 (stride 4),
 * layer2 (stride 8), layer3 (stride 16), layer4 (stride 32)]}, in that order; the few-shot heads pick the mid-level
 * (layer2+layer3) and high-level (layer4) maps they need.
 */
public abstract class Backbone extends AbstractBlock {

    /** Channels of layer1..layer4, in order. */
    public abstract int[] stageChannels();

    /**
     * Runs only the first {@code count} stages (1..4) and returns layer1..layer{count}; a head that never reads
     * layer4 saves its cost.
     */
    public abstract NDList stages(ParameterStore ps, NDArray images, boolean training, int count);

    /** Stage {@code number} as a block: 0 the stem, 1..4 layer1..layer4 (to freeze a stage a head never reads). */
    public abstract Block stage(int number);

    /** Forward runs all four stages. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return stages(ps, inputs.singletonOrThrow(), training, 4);
    }

    /**
     * How the matching builds unit vectors from this backbone's stages: {@link MatchFusion#MID}, which the ResNet
     * bundles were measured with, unless a backbone measured better with another (docs/benchmarks.md).
     */
    public MatchFusion matchFusion() {
        return MatchFusion.MID;
    }

    /** A short name stored in model manifests, e.g. {@code resnet18} or {@code compact}. */
    public abstract String name();

    protected static void checkStageCount(int count) {
        if (count < 1 || count > 4) {
            throw new IllegalArgumentException("stage count must be 1..4, got " + count);
        }
    }

    protected static void checkStageNumber(int number) {
        if (number < 0 || number > 4) {
            throw new IllegalArgumentException("stage number must be 0..4, got " + number);
        }
    }
}
