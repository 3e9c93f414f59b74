package io.defectstudio.inference.nets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The product's few-shot networks, one table for the command line and the workstation alike. */
public enum Architecture {
    LERENET("lerenet", "LERENet", true),
    EAMNET("eamnet", "EAMNet", true),
    BASELINE("baseline", "Baseline", true),
    MATCHER("matcher", "Feature matching (training-free)", false);

    /** What a training run learns unless told otherwise: EAMNet leads LERENet on the benchmark (docs/benchmarks.md). */
    public static final Architecture DEFAULT_TRAINED = EAMNET;

    private final String cliName;
    private final String displayName;
    private final boolean trainable;

    Architecture(String cliName, String displayName, boolean trainable) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.trainable = trainable;
    }

    /** The name in manifests and on the command line. */
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether meta-training has anything to learn (the matcher has no parameters of its own). */
    public boolean trainable() {
        return trainable;
    }

    /** The architectures a training run can learn, in table order. */
    public static List<Architecture> trainableOnes() {
        return Arrays.stream(values()).filter(Architecture::trainable).toList();
    }

    /**
     * The architecture of a manifest or command-line name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the known ones
     */
    public static Architecture fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture '" + name + "', expected one of "
                        + Arrays.stream(values()).map(Architecture::cliName).toList()));
    }
}
