package io.defectstudio.inference.nets;

import io.defectstudio.inference.nets.inception.InceptionV3Backbone;
import io.defectstudio.inference.nets.mobilenet.MobileNetV2Backbone;
import java.util.List;
import java.util.Locale;

/** Creates the backbones a model manifest can name. */
public final class Backbones {

    /**
     * The backbones a user can choose; {@link #create} accepts these and any two ImageNet-derived ones joined by '+'
     * ({@link BackbonePair}).
     */
    public static final List<String> NAMES = List.of("compact", "resnet18", "resnet34", "resnet50",
            MobileNetV2Backbone.NAME, InceptionV3Backbone.NAME, BackbonePair.MOBILENET_INCEPTION);

    private Backbones() {}

    /**
     * Creates an uninitialised backbone by manifest name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Backbone create(String name) {
        if (BackbonePair.isPair(name)) {
            String[] members = name.split("\\+", 2);
            return new BackbonePair(create(members[0]), create(members[1]));
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "compact":
                // Basic-block ResNet-18 layout at 3/8 width: a few tens of ms at 200x200 on 2 CPU cores.
                return builder().optName("compact").optStemChannels(24).optWidths(24, 48, 96, 192).build();
            case "resnet18":
                return builder().optName("resnet18").build();
            case "resnet34":
                return builder().optName("resnet34").optUnits(3, 4, 6, 3).build();
            case "resnet50":
                return builder()
                        .optName("resnet50")
                        .optUnits(3, 4, 6, 3)
                        .optWidths(256, 512, 1024, 2048)
                        .optBottleneck(true)
                        .build();
            case MobileNetV2Backbone.NAME:
                return new MobileNetV2Backbone();
            case InceptionV3Backbone.NAME:
                return new InceptionV3Backbone();
            default:
                throw new IllegalArgumentException("unknown backbone '" + name + "', expected one of " + NAMES);
        }
    }

    /** A builder for a custom-depth/width ResNet backbone (ResNet-18 layout by default). */
    public static ResNetBackbone.Builder builder() {
        return ResNetBackbone.builder();
    }
}
