package io.defectstudio.training.runner;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.adapt.SupportTuner;
import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.calibration.Calibration;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.episodes.FoldedSource;
import io.defectstudio.training.eval.EvalOptions;
import io.defectstudio.training.eval.EvalReport;
import io.defectstudio.training.eval.Evaluator;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.OptimizerKind;
import io.defectstudio.training.train.TrainingConfig;
import io.defectstudio.training.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Headless entry point for long benchmark runs started from a shell ({@code nohup java ... TrainingRunner pretrain
 * data=... out=...}); the product's CLI ({@code defect-studio train|eval}) calls the same services.
 * Arguments are {@code key=value} pairs after the command.
 */
public final class TrainingRunner {

    private TrainingRunner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: TrainingRunner pretrain|metatrain|calibrate|eval key=value ... (see the source)");
            System.exit(2);
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "pretrain" -> pretrain(options);
            case "export-backbone" -> exportBackbone(options);
            case "metatrain" -> metaTrain(options);
            case "eval" -> evaluate(options);
            case "calibrate" -> calibrate(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void pretrain(Options o) {
        PretrainConfig config = pretrainConfig(o);
        int fold = o.integer("fold", 0);
        Path data = Path.of(o.get("data"));
        o.rejectUnread("pretrain");
        PretrainResult r = BackbonePretrainer.run(config, Defect8iSource.open(data),
                FoldSplit.defect8i(fold), new ConsoleProgress(new PrintWriter(System.out, true), 10));
        System.out.printf(Locale.ROOT, "pretrain done: best held-out mIoU %.4f at step %d, wall %ds, weights %s%n",
                r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.weights());
    }

    private static void exportBackbone(Options o) {
        PretrainConfig config = pretrainConfig(o);
        o.rejectUnread("export-backbone");
        BackbonePretrainer.exportBest(config);
    }

    private static PretrainConfig pretrainConfig(Options o) {
        Path out = Path.of(o.get("out"));
        PretrainConfig d = PretrainConfig.defaults(out.resolve("checkpoints"), out.resolve("backbone.safetensors"));
        return PretrainConfig.builder(d.checkpointDir(), d.output())
                .backbone(o.getOrDefault("backbone", d.backbone()))
                .inputSize(o.integer("size", d.inputSize()))
                .batchSize(o.integer("batch", d.batchSize()))
                .steps(o.whole("steps", d.steps()))
                .stepsPerEpoch(o.whole("epoch", d.stepsPerEpoch()))
                .checkpointEvery(o.whole("checkpointEvery", d.checkpointEvery()))
                .optimizer(o.optimizer(d.optimizer()))
                .learningRate(o.decimal("lr", d.learningRate()))
                .weightDecay(o.decimal("wd", d.weightDecay()))
                .normalFraction(o.fraction("normal", d.normalFraction()))
                .validationImages(o.integer("validation", d.validationImages()))
                .seed(o.whole("seed", d.seed()))
                .build();
    }

    private static void metaTrain(Options o) throws IOException {
        Path out = Path.of(o.get("out"));
        String arch = o.getOrDefault("arch", "eamnet");
        String backbone = o.getOrDefault("backbone", "compact");
        Path weights = o.containsKey("weights") ? Path.of(o.get("weights")) : null;
        TrainingConfig d = TrainingConfig.defaults(arch, backbone, weights, out.resolve("checkpoints"),
                out.resolve("model"));
        TrainingConfig config = TrainingConfig.builder(arch, backbone, d.checkpointDir(), d.output())
                .backboneWeights(weights)
                .freezeBackbone(o.flag("freeze", d.freezeBackbone()))
                .inputSize(o.integer("size", d.inputSize()))
                .shots(o.integer("shots", d.shots()))
                .batchSize(o.integer("batch", d.batchSize()))
                .steps(o.whole("steps", d.steps()))
                .stepsPerEpoch(o.whole("epoch", d.stepsPerEpoch()))
                .checkpointEvery(o.whole("checkpointEvery", d.checkpointEvery()))
                .optimizer(o.optimizer(d.optimizer()))
                .learningRate(o.decimal("lr", d.learningRate()))
                .momentum(o.decimal("momentum", d.momentum()))
                .weightDecay(o.decimal("wd", d.weightDecay()))
                .adWeight(o.decimal("ad", d.adWeight()))
                .diceWeight(o.decimal("dice", d.diceWeight()))
                .syntheticShare(o.decimal("synthetic", d.syntheticShare()))
                .validationEpisodes(o.integer("validation", d.validationEpisodes()))
                .calibrationEpisodes(o.integer("calibration", d.calibrationEpisodes()))
                .seed(o.whole("seed", d.seed()))
                .modelName(o.getOrDefault("name", d.modelName()))
                .build();
        FoldedSource data = FoldedSource.open(Path.of(o.get("data")), o.integer("fold", 0));
        FoldSplit split = o.containsKey("classes")
                ? data.split().trainingOn(List.of(o.get("classes").split(","))) : data.split();
        int detail = o.integer("detail", 0);
        o.rejectUnread("metatrain");
        TrainingResult r = MetaTrainer.run(config, data.source(), split,
                new ConsoleProgress(new PrintWriter(System.out, true), 10));
        if (detail > 0) {
            // The working scale is chosen by measurement on camera-size images, not learned: it is set on the bundle.
            ModelBundle bundle = ModelBundle.load(r.bundle());
            ModelBundle.write(r.bundle(), bundle.manifest().withDetail(detail), bundle.readWeights());
        }
        System.out.printf(Locale.ROOT, "metatrain done: best validation mIoU %.4f at step %d, wall %ds, threshold %.2f, "
                + "bundle %s%n", r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.threshold(), r.bundle());
    }

    private static void calibrate(Options o) {
        Path dataDir = Path.of(o.get("data"));
        int fold = o.integer("fold", 0);
        Path model = Path.of(o.get("model"));
        int shots = o.integer("shots", 1);
        int episodes = o.integer("episodes", 100);
        long seed = o.whole("seed", 42);
        int steps = o.integer("tune", -1);
        double rate = o.fraction("tuneLr", -1);
        Boolean requested = o.read("supportThreshold", null, Boolean::valueOf);
        o.rejectUnread("calibrate");
        Manifest kept = ModelBundle.load(model).manifest();
        boolean fromSupport = requested == null ? kept.supportThreshold() : requested;
        SupportTuning tuning = SupportTuner.override(kept.supportTuning(), steps, rate);
        FoldedSource data = FoldedSource.open(dataDir, fold);
        Calibration c = MetaTrainer.calibrate(model, tuning, fromSupport, data.source(), data.split(), shots,
                episodes, seed, done -> { });
        System.out.printf(Locale.ROOT, "calibrate done: threshold %.2f, pseudo-defect IoU %.4f (%.4f at 0.50) on %d "
                + "episodes, support tuning %d steps, threshold from 2+ shots: %s%n", c.threshold(), c.iou(),
                c.iouAtHalf(), c.episodes(), tuning.steps(), fromSupport);
    }

    private static void evaluate(Options o) {
        List<Double> sweep = o.containsKey("sweep")
                ? Arrays.stream(o.get("sweep").split(",")).map(Double::parseDouble).toList() : List.of();
        EvalOptions options = new EvalOptions(o.integer("limit", 0),
                o.integer("normal", -1), DeviceChoice.AUTO,
                o.integer("threads", 0), sweep, o.integer("detail", 0));
        long every = o.whole("every", 50);
        Path model = Path.of(o.get("model"));
        Path episodes = Path.of(o.get("episodes"));
        Path data = Path.of(o.get("data"));
        o.rejectUnread("eval");
        EvalReport report = Evaluator.evaluate(model, episodes, data, options, p -> {
                    if (p.done() % every == 0 || p.done() == p.total()) {
                        System.out.printf(Locale.ROOT, "eval %s %d/%d elapsed %ds eta %ds%n", p.phase(), p.done(),
                                p.total(), p.elapsed().toSeconds(), p.remaining().toSeconds());
                    }
                });
        System.out.print(report.summary());
    }

    /**
     * The {@code key=value} arguments after the command, read with the type and default of the setting they set. A
     * command reads all of its keys before it starts work, then {@link #rejectUnread} refuses any key it did not read
     * (a misspelt or misplaced option would otherwise be ignored silently after a long run).
     */
    private record Options(Map<String, String> values, Set<String> read) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("expected key=value, got " + args[i]);
                }
                values.put(kv[0], kv[1]);
            }
            return new Options(values, new HashSet<>());
        }

        void rejectUnread(String command) {
            Set<String> unread = new TreeSet<>(values.keySet());
            unread.removeAll(read);
            if (!unread.isEmpty()) {
                throw new IllegalArgumentException(command + " does not take " + unread + "; it reads "
                        + new TreeSet<>(read));
            }
        }

        String get(String key) {
            read.add(key);
            return values.get(key);
        }

        boolean containsKey(String key) {
            read.add(key);
            return values.containsKey(key);
        }

        String getOrDefault(String key, String fallback) {
            read.add(key);
            return values.getOrDefault(key, fallback);
        }

        private <T> T read(String key, T fallback, Function<String, T> parse) {
            String value = get(key);
            return value == null ? fallback : parse.apply(value);
        }

        int integer(String key, int fallback) {
            return read(key, fallback, Integer::parseInt);
        }

        long whole(String key, long fallback) {
            return read(key, fallback, Long::parseLong);
        }

        float decimal(String key, float fallback) {
            return read(key, fallback, Float::parseFloat);
        }

        double fraction(String key, double fallback) {
            return read(key, fallback, Double::parseDouble);
        }

        boolean flag(String key, boolean fallback) {
            return read(key, fallback, Boolean::parseBoolean);
        }

        OptimizerKind optimizer(OptimizerKind fallback) {
            return read("optimizer", fallback, v -> OptimizerKind.valueOf(v.toUpperCase(Locale.ROOT)));
        }
    }
}
