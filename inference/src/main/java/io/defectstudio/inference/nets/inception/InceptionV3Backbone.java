package io.defectstudio.inference.nets.inception;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.MatchFusion;
import io.defectstudio.inference.nets.StagedBackbone;

/**
 * InceptionV3 (Szegedy et al. 2016) as Keras builds it, the feature extractor of nsfwjs's {@code inception_v3}
 * model: ImageNet-initialised, fine-tuned by nsfwjs to 5 image classes. The weights come from
 * {@code scripts/convert-nsfwjs-backbone.mjs}, with BatchNorm folded into the convolution biases. Inputs are RGB in
 * [0, 1], the scaling nsfwjs feeds the model.
 *
 * <p>Stages: stem = 3x3/2, 3x3, 3x3 convolutions to 64 (stride 2); layer1 = max pool, 1x1 to 80, 3x3 to 192
 * (stride 4); layer2 = max pool and three 35x35 modules (mixed0-2, 288, stride 8); layer3 = the 35 -> 17 reduction
 * and four 17x17 modules (mixed3-7, 768, stride 16); layer4 = the 17 -> 8 reduction (mixed8, 1280, stride 32). The
 * two 8x8 modules and the classifier are dropped, which keeps the weights at 21 MB in F16.
 *
 * <p>The "valid" layers shrink the maps and shift them: stride-s cell j is centred on input pixel {@code c_s + s j},
 * with {@code c_s} = 9, 13, 21, 37 for s = 4, 8, 16, 32, where the heads' align-corners-false upsampling expects
 * {@code s j + (s - 1) / 2}. {@link #stages} therefore repeats the image's edge pixels {@link #SHIFT} times before
 * its top and left (and as many as the valid layers need after it) and crops each stage to {@code ceil(n / s)}
 * cells, which puts the stride-8 centres within half a pixel of where the upsampling reads them (stride 4: 2.5 px,
 * stride 16: 3.5 px). {@link #validStages} is the network as ported.
 */
public final class InceptionV3Backbone extends StagedBackbone {

    /** The manifest name. */
    public static final String NAME = "inception_v3";

    /** Edge pixels added before the top and left of the image ({@code c_8 - 3}). */
    static final int SHIFT = 10;

    private static final int[] CHANNELS = {192, 288, 768, 1280};

    public InceptionV3Backbone() {
        addStage(0, new SequentialBlock().addAll(
                ConvUnit.valid(32, 3, 2), ConvUnit.valid(32, 3, 1), ConvUnit.same(64, 3, 3)));
        addStage(1, new SequentialBlock().addAll(
                InceptionModules.maxPool(), ConvUnit.same(80, 1, 1), ConvUnit.valid(192, 3, 1)));
        addStage(2, new SequentialBlock().addAll(InceptionModules.maxPool(),
                InceptionModules.a(32), InceptionModules.a(64), InceptionModules.a(64)));
        addStage(3, new SequentialBlock().addAll(InceptionModules.reductionA(),
                InceptionModules.b(128), InceptionModules.b(160), InceptionModules.b(160), InceptionModules.b(192)));
        addStage(4, new SequentialBlock().add(InceptionModules.reductionB()));
    }

    @Override
    public int[] stageChannels() {
        return CHANNELS.clone();
    }

    /** Stages at {@code ceil(n / s)} cells, aligned with the image (see the class comment). */
    @Override
    public NDList stages(ParameterStore ps, NDArray images, boolean training, int count) {
        long h = images.getShape().get(2);
        long w = images.getShape().get(3);
        NDArray padded = edgePadded(edgePadded(images, 2, SHIFT, trailing(h, count)), 3, SHIFT, trailing(w, count));
        NDList valid = validStages(ps, padded, training, count);
        NDList out = new NDList(count);
        for (int i = 0; i < count; i++) {
            long stride = 4L << i;
            out.add(valid.get(i).get(":, :, :" + cells(h, stride) + ", :" + cells(w, stride)));
        }
        return out;
    }

    /** The stages as the Keras model computes them, with "valid" sizes and offsets. */
    public NDList validStages(ParameterStore ps, NDArray images, boolean training, int count) {
        return super.stages(ps, images, training, count);
    }

    /** The valid layers are sized for the edge-padded input {@link #stages} feeds them. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        super.initializeChildBlocks(manager, dataType, new Shape(in.get(0), in.get(1),
                in.get(2) + SHIFT + trailing(in.get(2), 4), in.get(3) + SHIFT + trailing(in.get(3), 4)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape[] out = new Shape[4];
        for (int i = 0; i < 4; i++) {
            long stride = 4L << i;
            out[i] = new Shape(in.get(0), CHANNELS[i], cells(in.get(2), stride), cells(in.get(3), stride));
        }
        return out;
    }

    /** Cells of a stride-{@code stride} map over {@code n} pixels, as a "same"-padded network has. */
    static long cells(long n, long stride) {
        return (n + stride - 1) / stride;
    }

    /** Side length of stage {@code number} (1..4) of the valid network on {@code n} pixels; below 1 if too small. */
    static long validSize(long n, int number) {
        long size = Math.floorDiv(n - 3, 2) + 1 - 2; // stem: 3x3/2, 3x3, 3x3 same
        size = Math.floorDiv(size - 3, 2) + 1 - 2; // layer1: 3x3/2 pool, 1x1, 3x3
        for (int stage = 2; stage <= number; stage++) {
            size = Math.floorDiv(size - 3, 2) + 1; // the 3x3/2 pool or grid reduction that starts each later stage
        }
        return size;
    }

    /** Edge pixels needed after an axis of {@code n} pixels so that stages 1..count cover {@code ceil(n / s)} cells. */
    static int trailing(long n, int count) {
        int extra = 0;
        while (!covers(n + SHIFT + extra, n, count)) {
            extra++;
        }
        return extra;
    }

    private static boolean covers(long padded, long n, int count) {
        for (int i = 1; i <= count; i++) {
            if (validSize(padded, i) < cells(n, 2L << i)) {
                return false;
            }
        }
        return true;
    }

    private static NDArray edgePadded(NDArray x, int axis, int before, int after) {
        long n = x.getShape().get(axis);
        String first = axis == 2 ? ":, :, :1" : ":, :, :, :1";
        String last = axis == 2 ? ":, :, " + (n - 1) + ":" : ":, :, :, " + (n - 1) + ":";
        NDList parts = new NDList(3);
        parts.add(x.get(first).repeat(axis, before));
        parts.add(x);
        if (after > 0) {
            parts.add(x.get(last).repeat(axis, after));
        }
        return NDArrays.concat(parts, axis);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MatchFusion matchFusion() {
        return MatchFusion.MULTI_SCALE;
    }
}
