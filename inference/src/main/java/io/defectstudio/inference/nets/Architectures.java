package io.defectstudio.inference.nets;

import io.defectstudio.inference.nets.baseline.Baseline;
import io.defectstudio.inference.nets.eamnet.EAMNet;
import io.defectstudio.inference.nets.lerenet.LERENet;
import io.defectstudio.inference.nets.matcher.FeatureMatcher;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Creates the few-shot networks a model manifest can name. */
public final class Architectures {

    /** The product's architecture names ({@link Architecture}). */
    public static final List<String> NAMES = Arrays.stream(Architecture.values()).map(Architecture::cliName).toList();

    /** LERENet with modules removed, for the paper's Table 3 ablation; {@link #create} accepts these too. */
    public static final List<String> ABLATIONS = List.of("lerenet-no-mpr", "lerenet-no-mpe", "lerenet-no-mpr-mpe");

    private Architectures() {}

    /**
     * Creates an uninitialised network by manifest names, with the head width that suits the backbone
     * ({@link #defaultChannels}).
     *
     * @throws IllegalArgumentException for an unknown architecture or backbone
     */
    public static FewShotNet create(String architecture, String backbone) {
        return create(architecture, Backbones.create(backbone), defaultChannels(architecture, backbone));
    }

    /**
     * Creates an uninitialised network on a given backbone with {@code channels} head channels (c in the papers;
     * ignored by the parameter-free matcher).
     */
    public static FewShotNet create(String architecture, Backbone backbone, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("head channels must be positive, got " + channels);
        }
        switch (architecture.toLowerCase(Locale.ROOT)) {
            case "lerenet":
                return new LERENet(backbone, channels);
            case "eamnet":
                return new EAMNet(backbone, channels);
            case "baseline":
                return new Baseline(backbone, channels);
            case "matcher":
                return new FeatureMatcher(backbone);
            case "lerenet-no-mpr":
                return new LERENet(backbone, channels, EnumSet.of(LERENet.Module.MPR));
            case "lerenet-no-mpe":
                return new LERENet(backbone, channels, EnumSet.of(LERENet.Module.MPE));
            case "lerenet-no-mpr-mpe":
                return new LERENet(backbone, channels, EnumSet.allOf(LERENet.Module.class));
            default:
                throw new IllegalArgumentException(
                        "unknown architecture '" + architecture + "', expected one of " + NAMES);
        }
    }

    /** Whether {@link #create} knows the name: a product architecture or an ablation. */
    public static boolean isKnown(String architecture) {
        String name = architecture.toLowerCase(Locale.ROOT);
        return NAMES.contains(name) || ABLATIONS.contains(name);
    }

    /**
     * Head channels c: the papers' 256 on ResNet-50; narrower on the smaller backbones so that the head does not cost
     * more than the backbone on a CPU. EAMNet's decoder runs at stride 4 (LERENet's IFM at stride 8), so it gets half
     * of LERENet's width there.
     */
    public static int defaultChannels(String architecture, String backbone) {
        boolean strideFour = architecture.toLowerCase(Locale.ROOT).equals("eamnet");
        if (BackbonePair.isPair(backbone)) {
            return strideFour ? 32 : 64;
        }
        switch (backbone.toLowerCase(Locale.ROOT)) {
            case "resnet50":
                return 256;
            case "resnet18":
            case "resnet34":
                return strideFour ? 64 : 128;
            case "compact":
            case "mobilenet_v2_mid":
            case "inception_v3":
                return strideFour ? 32 : 64;
            default:
                throw new IllegalArgumentException("unknown backbone '" + backbone + "', expected one of "
                        + Backbones.NAMES);
        }
    }
}
