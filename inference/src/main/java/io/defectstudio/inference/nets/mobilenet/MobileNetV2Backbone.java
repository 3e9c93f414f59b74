package io.defectstudio.inference.nets.mobilenet;

import ai.djl.nn.SequentialBlock;
import io.defectstudio.inference.nets.MatchFusion;
import io.defectstudio.inference.nets.StagedBackbone;

/**
 * MobileNetV2 at width multiplier 1.4 (Sandler et al. 2018), the feature extractor of nsfwjs's
 * {@code mobilenet_v2_mid} model: an ImageNet-initialised classifier whose stride-4/8/16 features stay generic. The
 * weights come from {@code scripts/convert-nsfwjs-backbone.mjs}; BatchNorm is folded into the convolution biases, as
 * in the TensorFlow.js graph. Inputs are scaled to [-1, 1] (mean 0.5, std 0.5).
 *
 * <p>Stages (Table 2 of the paper, channels x 1.4): stem = 3x3/2 conv to 48 and the first bottleneck (t=1, 24);
 * layer1 = 2 bottlenecks to 32 (stride 4); layer2 = 3 to 48 (stride 8); layer3 = 4 to 88 and 3 to 136 (stride 16);
 * layer4 = 3 to 224 and 1 to 448 (stride 32). The final 1x1 conv to 1792 and the classifier are dropped.
 */
public final class MobileNetV2Backbone extends StagedBackbone {

    /** The manifest name. */
    public static final String NAME = "mobilenet_v2_mid";

    private static final int STEM_CHANNELS = 48;
    /** Per stage: rows of {expansion t, channels c, repeats n, first stride s}. */
    private static final int[][][] STAGES = {
        {{1, 24, 1, 1}},
        {{6, 32, 2, 2}},
        {{6, 48, 3, 2}},
        {{6, 88, 4, 2}, {6, 136, 3, 1}},
        {{6, 224, 3, 2}, {6, 448, 1, 1}},
    };

    private final int[] channels = new int[4];

    public MobileNetV2Backbone() {
        int in = STEM_CHANNELS;
        for (int stage = 0; stage < 5; stage++) {
            SequentialBlock block = new SequentialBlock();
            if (stage == 0) {
                block.add(new TfSameConv(3, 2, STEM_CHANNELS, 1, true));
            }
            for (int[] row : STAGES[stage]) {
                for (int i = 0; i < row[2]; i++) {
                    block.add(new InvertedResidual(in, row[1], row[0], i == 0 ? row[3] : 1));
                    in = row[1];
                }
            }
            addStage(stage, block);
            if (stage > 0) {
                channels[stage - 1] = in;
            }
        }
    }

    @Override
    public int[] stageChannels() {
        return channels.clone();
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
