package io.defectstudio.training.runner;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.eval.EvalOptions;
import io.defectstudio.training.eval.EvalReport;
import io.defectstudio.training.eval.Evaluator;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.OptimizerKind;
import io.defectstudio.training.train.TrainingConfig;
import io.defectstudio.training.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Headless entry point for long benchmark runs started from a shell ({@code nohup java ... TrainingRunner pretrain
 * data=... out=...}); the product's CLI ({@code defect-studio train|eval}) calls the same services.
 * Arguments are {@code key=value} pairs after the command.
 */
public final class TrainingRunner {

    private TrainingRunner() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: TrainingRunner pretrain|metatrain|eval key=value ... (see the source)");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + args[i]);
            }
            options.put(kv[0], kv[1]);
        }
        switch (args[0]) {
            case "pretrain" -> pretrain(options);
            case "export-backbone" -> BackbonePretrainer.exportBest(pretrainConfig(options));
            case "metatrain" -> metaTrain(options);
            case "eval" -> evaluate(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void pretrain(Map<String, String> o) {
        PretrainConfig config = pretrainConfig(o);
        int fold = Integer.parseInt(o.getOrDefault("fold", "0"));
        PretrainResult r = BackbonePretrainer.run(config, Defect8iSource.open(Path.of(o.get("data"))),
                FoldSplit.defect8i(fold), new ConsoleProgress(new PrintWriter(System.out, true), 10));
        System.out.printf(Locale.ROOT, "pretrain done: best held-out mIoU %.4f at step %d, wall %ds, weights %s%n",
                r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.weights());
    }

    private static PretrainConfig pretrainConfig(Map<String, String> o) {
        Path out = Path.of(o.get("out"));
        PretrainConfig d = PretrainConfig.defaults(out.resolve("checkpoints"), out.resolve("backbone.safetensors"));
        return new PretrainConfig(o.getOrDefault("backbone", d.backbone()),
                Integer.parseInt(o.getOrDefault("size", "" + d.inputSize())),
                Integer.parseInt(o.getOrDefault("batch", "" + d.batchSize())),
                Long.parseLong(o.getOrDefault("steps", "" + d.steps())),
                Long.parseLong(o.getOrDefault("epoch", "" + d.stepsPerEpoch())),
                Long.parseLong(o.getOrDefault("checkpointEvery", "" + d.checkpointEvery())),
                OptimizerKind.valueOf(o.getOrDefault("optimizer", d.optimizer().name()).toUpperCase(Locale.ROOT)),
                Float.parseFloat(o.getOrDefault("lr", "" + d.learningRate())),
                Float.parseFloat(o.getOrDefault("wd", "" + d.weightDecay())),
                Double.parseDouble(o.getOrDefault("normal", "" + d.normalFraction())),
                Integer.parseInt(o.getOrDefault("validation", "" + d.validationImages())),
                Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
                d.checkpointDir(), d.output());
    }

    private static void metaTrain(Map<String, String> o) {
        Path out = Path.of(o.get("out"));
        String arch = o.getOrDefault("arch", "eamnet");
        String backbone = o.getOrDefault("backbone", "compact");
        Path weights = o.containsKey("weights") ? Path.of(o.get("weights")) : null;
        TrainingConfig d = TrainingConfig.defaults(arch, backbone, weights, out.resolve("checkpoints"),
                out.resolve("model"));
        TrainingConfig config = new TrainingConfig(arch, backbone, weights,
                Boolean.parseBoolean(o.getOrDefault("freeze", "" + d.freezeBackbone())),
                Integer.parseInt(o.getOrDefault("size", "" + d.inputSize())),
                Integer.parseInt(o.getOrDefault("shots", "" + d.shots())),
                Integer.parseInt(o.getOrDefault("batch", "" + d.batchSize())),
                Long.parseLong(o.getOrDefault("steps", "" + d.steps())),
                Long.parseLong(o.getOrDefault("epoch", "" + d.stepsPerEpoch())),
                Long.parseLong(o.getOrDefault("checkpointEvery", "" + d.checkpointEvery())),
                OptimizerKind.valueOf(o.getOrDefault("optimizer", d.optimizer().name()).toUpperCase(Locale.ROOT)),
                Float.parseFloat(o.getOrDefault("lr", "" + d.learningRate())),
                Float.parseFloat(o.getOrDefault("momentum", "" + d.momentum())),
                Float.parseFloat(o.getOrDefault("wd", "" + d.weightDecay())),
                d.polyPower(),
                Float.parseFloat(o.getOrDefault("ad", "" + d.adWeight())),
                Float.parseFloat(o.getOrDefault("dice", "" + d.diceWeight())),
                Integer.parseInt(o.getOrDefault("validation", "" + d.validationEpisodes())),
                Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
                d.checkpointDir(), d.output(), o.getOrDefault("name", d.modelName()));
        TrainingResult r = MetaTrainer.run(config, Path.of(o.get("data")),
                Integer.parseInt(o.getOrDefault("fold", "0")), new ConsoleProgress(new PrintWriter(System.out, true), 10));
        System.out.printf(Locale.ROOT, "metatrain done: best validation mIoU %.4f at step %d, wall %ds, bundle %s%n",
                r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.bundle());
    }

    private static void evaluate(Map<String, String> o) {
        EvalOptions options = new EvalOptions(Integer.parseInt(o.getOrDefault("limit", "0")),
                Integer.parseInt(o.getOrDefault("normal", "-1")), DeviceChoice.AUTO,
                Integer.parseInt(o.getOrDefault("threads", "0")));
        long every = Long.parseLong(o.getOrDefault("every", "50"));
        EvalReport report = Evaluator.evaluate(Path.of(o.get("model")), Path.of(o.get("episodes")),
                Path.of(o.get("data")), options, p -> {
                    if (p.done() % every == 0 || p.done() == p.total()) {
                        System.out.printf(Locale.ROOT, "eval %s %d/%d elapsed %ds eta %ds%n", p.phase(), p.done(),
                                p.total(), p.elapsed().toSeconds(), p.remaining().toSeconds());
                    }
                });
        System.out.print(report.summary());
    }
}
