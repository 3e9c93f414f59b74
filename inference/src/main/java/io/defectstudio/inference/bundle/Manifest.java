package io.defectstudio.inference.bundle;

import io.defectstudio.inference.nets.Normalisation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code model.json} of a model bundle: what the network is, how to feed it, what it was trained on, how well it
 * did, and which weights file (with its checksum) belongs to it.
 *
 * @param formatVersion bundle format version; {@link #FORMAT_VERSION} is the only one this build reads
 * @param name model name
 * @param version model version
 * @param createdAt ISO-8601 timestamp
 * @param architecture {@code lerenet}, {@code eamnet}, {@code baseline} or {@code matcher}
 * @param backbone a name {@link io.defectstudio.inference.nets.Backbones#create} accepts
 * @param inputWidth network input width
 * @param inputHeight network input height
 * @param normalisation per-channel mean and std applied after scaling intensities to [0, 1]
 * @param threshold probability at or above which a pixel is defect
 * @param training classes and data sets the weights were trained on
 * @param metrics evaluation metrics by name (e.g. {@code mIoU})
 * @param weights the weights file, its size, precision and SHA-256
 * @param supportTuning how the network adapts to each support set before segmenting ({@link SupportTuning#NONE}: not)
 * @param supportThreshold whether each support set chooses its own threshold (leave one shot out; a single shot
 *     from augmented copies of itself); {@code threshold} then breaks ties
 * @param detail the default working scale: the longer side, in pixels, a larger image is shrunk to before it is cut
 *     into input-size tiles; 0 (bundles written before tiling) means the longer input side, one tile per image
 * @param supportViews the budget of views (mirror images and transposes) a support set's shots are matched with: a
 *     single shot gets this many, several shots at least two each (1: none; 0 in older bundles means 1); see
 *     {@code engine.SupportViews}
 */
public record Manifest(
        int formatVersion,
        String name,
        String version,
        String createdAt,
        String architecture,
        String backbone,
        int inputWidth,
        int inputHeight,
        Normalisation normalisation,
        double threshold,
        Training training,
        Map<String, Double> metrics,
        Weights weights,
        SupportTuning supportTuning,
        boolean supportThreshold,
        int detail,
        int supportViews) {

    public static final int FORMAT_VERSION = 1;
    public static final int DEFAULT_INPUT_SIZE = 200;
    /** Most support views: each crop with its three mirror images and four transposed ones. */
    public static final int MAX_SUPPORT_VIEWS = 8;

    public Manifest {
        metrics = Map.copyOf(new LinkedHashMap<>(metrics));
        supportTuning = supportTuning == null ? SupportTuning.NONE : supportTuning;
        detail = detail == 0 ? Math.max(inputWidth, inputHeight) : detail;
        supportViews = supportViews == 0 ? 1 : supportViews;
    }

    /**
     * Test-time adaptation: before a support set is used, the network takes {@code steps} gradient steps (Adam at
     * {@code learningRate}) on episodes made from the support set alone, so it is fitted to the class the inspector
     * painted rather than only to its training classes. The threshold was calibrated with this setting.
     */
    public record SupportTuning(int steps, double learningRate) {

        public static final SupportTuning NONE = new SupportTuning(0, 0);

        public SupportTuning {
            if (steps < 0 || steps > 1000) {
                throw new ModelBundleException("supportTuning.steps " + steps + " is outside 0..1000");
            }
            if (steps > 0 && !(learningRate > 0 && learningRate < 1)) {
                throw new ModelBundleException("supportTuning.learningRate " + learningRate + " is outside (0, 1)");
            }
        }

        public boolean enabled() {
            return steps > 0;
        }
    }

    /** Provenance: the defect classes and data sets the weights saw. */
    public record Training(List<String> classes, List<String> datasets, String notes) {

        public Training {
            classes = List.copyOf(classes);
            datasets = List.copyOf(datasets);
            notes = notes == null ? "" : notes;
        }

        public static Training none() {
            return new Training(List.of(), List.of(), "");
        }
    }

    /** Weight precisions a bundle may store; computation is always float32. */
    public enum Precision {
        FLOAT32("float32", 4),
        FLOAT16("float16", 2);

        /** The download a bundle keeps to: 25 MB. */
        public static final long BUNDLE_LIMIT_BYTES = 25_000_000L;

        private final String key;
        private final int bytes;

        Precision(String key, int bytes) {
            this.key = key;
            this.bytes = bytes;
        }

        public String key() {
            return key;
        }

        public int bytesPerValue() {
            return bytes;
        }

        /**
         * FLOAT32 when {@code parameters} values fit {@link #BUNDLE_LIMIT_BYTES} at 4 bytes each, else FLOAT16 (an
         * InceptionV3 network, 10.6 M values; its shipped backbone weights are F16 already).
         */
        public static Precision forParameters(long parameters) {
            return parameters * FLOAT32.bytes <= BUNDLE_LIMIT_BYTES ? FLOAT32 : FLOAT16;
        }

        /** @return null when {@code key} names no precision */
        public static Precision fromKey(String key) {
            for (Precision p : values()) {
                if (p.key.equals(key)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The weights file entry: relative file name, size in bytes, precision, lower-case hex SHA-256. */
    public record Weights(String file, long bytes, Precision precision, String sha256) {}

    public static Builder builder() {
        return new Builder();
    }

    /** A copy pointing at other weights (used by the bundle writer once it knows size and checksum). */
    public Manifest withWeights(Weights newWeights) {
        return new Manifest(formatVersion, name, version, createdAt, architecture, backbone, inputWidth, inputHeight,
                normalisation, threshold, training, metrics, newWeights, supportTuning, supportThreshold, detail,
                        supportViews);
    }

    /**
     * A copy with another defect threshold, the support tuning it was calibrated with, and one more metric (a
     * calibration's result).
     */
    public Manifest withThreshold(double newThreshold, SupportTuning tuning, String metricName, double metricValue) {
        Map<String, Double> more = new LinkedHashMap<>(metrics);
        more.put(metricName, metricValue);
        Manifest m = new Manifest(formatVersion, name, version, createdAt, architecture, backbone, inputWidth,
                inputHeight, normalisation, newThreshold, training, more, weights, tuning, supportThreshold, detail,
                        supportViews);
        ManifestCodec.validateContent(m, "manifest");
        return m;
    }

    /** A copy in which support sets choose their own threshold, or do not. */
    public Manifest withSupportThreshold(boolean chosenBySupport) {
        return new Manifest(formatVersion, name, version, createdAt, architecture, backbone, inputWidth, inputHeight,
                normalisation, threshold, training, metrics, weights, supportTuning, chosenBySupport, detail,
                        supportViews);
    }

    /** A copy with another default working scale. */
    public Manifest withDetail(int newDetail) {
        Manifest m = new Manifest(formatVersion, name, version, createdAt, architecture, backbone, inputWidth,
                inputHeight, normalisation, threshold, training, metrics, weights, supportTuning, supportThreshold,
                newDetail, supportViews);
        ManifestCodec.validateContent(m, "manifest");
        return m;
    }

    /** A copy whose support shots are matched with {@code views} mirrored and transposed views (see the field). */
    public Manifest withSupportViews(int views) {
        Manifest m = new Manifest(formatVersion, name, version, createdAt, architecture, backbone, inputWidth,
                inputHeight, normalisation, threshold, training, metrics, weights, supportTuning, supportThreshold,
                detail, views);
        ManifestCodec.validateContent(m, "manifest");
        return m;
    }

    /** Builds a manifest for a bundle about to be written; architecture and backbone are required. */
    public static final class Builder {
        private String name = "unnamed";
        private String version = "0";
        private String createdAt = java.time.Instant.now().toString();
        private String architecture;
        private String backbone;
        private int inputWidth = DEFAULT_INPUT_SIZE;
        private int inputHeight = DEFAULT_INPUT_SIZE;
        private Normalisation normalisation = Normalisation.imageNet();
        private double threshold = 0.5;
        private Training training = Training.none();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private SupportTuning supportTuning = SupportTuning.NONE;
        private boolean supportThreshold;
        private int detail;
        private int supportViews = 1;

        public Builder setArchitecture(String architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder setBackbone(String backbone) {
            this.backbone = backbone;
            return this;
        }

        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        public Builder optVersion(String version) {
            this.version = version;
            return this;
        }

        public Builder optCreatedAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder optInputSize(int width, int height) {
            this.inputWidth = width;
            this.inputHeight = height;
            return this;
        }

        public Builder optNormalisation(Normalisation normalisation) {
            this.normalisation = normalisation;
            return this;
        }

        public Builder optThreshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        public Builder optTraining(Training training) {
            this.training = training;
            return this;
        }

        public Builder optMetric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        public Builder optSupportTuning(SupportTuning supportTuning) {
            this.supportTuning = supportTuning;
            return this;
        }

        public Builder optSupportThreshold(boolean chosenBySupport) {
            this.supportThreshold = chosenBySupport;
            return this;
        }

        public Builder optDetail(int detail) {
            this.detail = detail;
            return this;
        }

        public Builder optSupportViews(int views) {
            this.supportViews = views;
            return this;
        }

        /** A manifest without weights; {@code ModelBundleWriter} fills them in. */
        public Manifest build() {
            Objects.requireNonNull(architecture, "architecture is required");
            Objects.requireNonNull(backbone, "backbone is required");
            Manifest m = new Manifest(FORMAT_VERSION, name, version, createdAt, architecture, backbone, inputWidth,
                    inputHeight, normalisation, threshold, training, metrics, null, supportTuning, supportThreshold,
                    detail, supportViews);
            ManifestCodec.validateContent(m, "manifest");
            return m;
        }
    }
}
