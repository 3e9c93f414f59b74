package io.defectstudio.inference.nets;

import ai.djl.Device;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A ResNet (He et al. 2016) with configurable depth and width that returns its four stages (strides 4, 8, 16, 32).
 * The residual units are DJL's {@link ResNetV1#residualUnit}; the stem is the standard 7x7/2 convolution and 3x3/2
 * max pooling over a 3-channel input (grey images are replicated to 3 channels).
 */
public final class ResNetBackbone extends Backbone {

    private static final float BN_MOMENTUM = 0.9f;

    private final String name;
    private final int stemChannels;
    private final int[] units;
    private final int[] widths;
    private final boolean bottleneck;
    private final Block stem;
    private final Block[] stages = new Block[4];

    private ResNetBackbone(Builder builder) {
        name = builder.name;
        stemChannels = builder.stemChannels;
        units = builder.units.clone();
        widths = builder.widths.clone();
        bottleneck = builder.bottleneck;
        stem = addChildBlock("stem", stem(stemChannels));
        int inChannels = stemChannels;
        for (int i = 0; i < 4; i++) {
            stages[i] = addChildBlock("layer" + (i + 1), stage(inChannels, widths[i], units[i], i == 0 ? 1 : 2));
            inChannels = widths[i];
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Block stem(int channels) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(7, 7))
                        .setFilters(channels)
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(3, 3))
                        .optBias(false)
                        .build())
                .add(BatchNorm.builder().optMomentum(BN_MOMENTUM).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    }

    private Block stage(int inChannels, int outChannels, int count, int stride) {
        SequentialBlock stage = new SequentialBlock();
        // The first unit projects the shortcut only where the shape changes (standard ResNet).
        boolean firstMatches = inChannels == outChannels && stride == 1;
        stage.add(ResNetV1.residualUnit(outChannels, new Shape(stride, stride), firstMatches, bottleneck, BN_MOMENTUM));
        for (int j = 1; j < count; j++) {
            stage.add(ResNetV1.residualUnit(outChannels, new Shape(1, 1), true, bottleneck, BN_MOMENTUM));
        }
        return stage;
    }

    @Override
    public int[] stageChannels() {
        return widths.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Block stage(int number) {
        checkStageNumber(number);
        return number == 0 ? stem : stages[number - 1];
    }

    /** Blocks per stage, e.g. {@code [2,2,2,2]} for ResNet-18. */
    public int[] units() {
        return units.clone();
    }

    public boolean bottleneck() {
        return bottleneck;
    }

    /**
     * {@inheritDoc}
     *
     * <p>In inference on a CPU a batch runs one image at a time: on the 2-core target a batch of 5 images at 200x200
     * took 150-300 ms against 5 x 21 ms one by one (larger activations fall out of cache). BatchNorm then uses its
     * running statistics, so the result is the same. A frozen backbone runs as in inference in training too, so
     * its BatchNorm statistics stay those of its pre-training (as EAMNet does).
     */
    @Override
    public NDList stages(ParameterStore ps, NDArray images, boolean training, int count) {
        checkStageCount(count);
        long batch = images.getShape().get(0);
        if (training && !frozen()) {
            return runStages(ps, images, count, true);
        }
        if (batch == 1 || !Device.Type.CPU.equals(images.getDevice().getDeviceType())) {
            return runStages(ps, images, count, false);
        }
        List<NDList> perImage = new ArrayList<>();
        for (long i = 0; i < batch; i++) {
            perImage.add(runStages(ps, images.get(new NDIndex("{}:{}", i, i + 1)), count, false));
        }
        NDList out = new NDList(count);
        for (int stage = 0; stage < count; stage++) {
            NDList parts = new NDList();
            for (NDList one : perImage) {
                parts.add(one.get(stage));
            }
            out.add(NDArrays.concat(parts, 0));
        }
        return out;
    }

    private boolean frozen() {
        return !stem.getParameters().valueAt(0).requiresGradient();
    }

    private NDList runStages(ParameterStore ps, NDArray images, int count, boolean training) {
        NDList x = stem.forward(ps, new NDList(images), training);
        NDList out = new NDList(count);
        for (int i = 0; i < count; i++) {
            x = stages[i].forward(ps, x, training);
            out.add(x.singletonOrThrow());
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes);
        Shape[] shapes = stem.getOutputShapes(inputShapes);
        for (Block stage : stages) {
            stage.initialize(manager, dataType, shapes);
            shapes = stage.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = stem.getOutputShapes(inputShapes);
        Shape[] out = new Shape[4];
        for (int i = 0; i < 4; i++) {
            shapes = stages[i].getOutputShapes(shapes);
            out[i] = shapes[0];
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ResNetBackbone(%s, units=%s, widths=%s, %s)",
                name,
                Arrays.toString(units),
                Arrays.toString(widths),
                bottleneck ? "bottleneck" : "basic");
    }

    /** Builds a {@link ResNetBackbone}; depth and width are free, the stride pattern is fixed. */
    public static final class Builder {
        private String name = "custom";
        private int stemChannels = 64;
        private int[] units = {2, 2, 2, 2};
        private int[] widths = {64, 128, 256, 512};
        private boolean bottleneck;

        private Builder() {}

        /** The manifest name of the backbone. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** Output channels of the stem convolution (64 in the standard ResNets). */
        public Builder optStemChannels(int stemChannels) {
            this.stemChannels = stemChannels;
            return this;
        }

        /** Residual units in layer1..layer4. */
        public Builder optUnits(int... units) {
            this.units = units.clone();
            return this;
        }

        /** Output channels of layer1..layer4 (for bottleneck units, 4x the inner width). */
        public Builder optWidths(int... widths) {
            this.widths = widths.clone();
            return this;
        }

        /** Bottleneck (1x1-3x3-1x1) units instead of basic (3x3-3x3) units. */
        public Builder optBottleneck(boolean bottleneck) {
            this.bottleneck = bottleneck;
            return this;
        }

        public ResNetBackbone build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("backbone name must not be blank");
            }
            if (units.length != 4 || widths.length != 4) {
                throw new IllegalArgumentException("a ResNet backbone needs exactly 4 stages, got units="
                        + Arrays.toString(units) + " widths=" + Arrays.toString(widths));
            }
            if (stemChannels < 1 || Arrays.stream(units).anyMatch(u -> u < 1)
                    || Arrays.stream(widths).anyMatch(w -> w < 1)) {
                throw new IllegalArgumentException("stem channels, units and widths must be positive");
            }
            if (bottleneck && Arrays.stream(widths).anyMatch(w -> w % 4 != 0)) {
                throw new IllegalArgumentException("bottleneck widths must be multiples of 4: "
                        + Arrays.toString(widths));
            }
            return new ResNetBackbone(this);
        }
    }
}
