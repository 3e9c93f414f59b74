package io.defectstudio.inference.nets.inception;

import ai.djl.nn.SequentialBlock;
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
 * two 8x8 modules and the classifier are dropped, which keeps the weights at 21 MB in F16. The "valid" convolutions
 * shrink each map by a few cells at the border, as in the original.
 */
public final class InceptionV3Backbone extends StagedBackbone {

    /** The manifest name. */
    public static final String NAME = "inception_v3";

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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MatchFusion matchFusion() {
        return MatchFusion.MULTI_SCALE;
    }
}
