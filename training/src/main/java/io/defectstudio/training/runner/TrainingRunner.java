package io.defectstudio.training.runner;

import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.train.OptimizerKind;
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
            System.err.println("usage: TrainingRunner pretrain data=DIR fold=F out=DIR [steps=N batch=B size=S ...]");
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
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void pretrain(Map<String, String> o) {
        Path out = Path.of(o.get("out"));
        PretrainConfig d = PretrainConfig.defaults(out.resolve("checkpoints"), out.resolve("backbone.safetensors"));
        PretrainConfig config = new PretrainConfig(o.getOrDefault("backbone", d.backbone()),
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
        int fold = Integer.parseInt(o.getOrDefault("fold", "0"));
        PretrainResult r = BackbonePretrainer.run(config, Defect8iSource.open(Path.of(o.get("data"))),
                FoldSplit.defect8i(fold), new ConsoleProgress(System.out, 10));
        System.out.printf(Locale.ROOT, "pretrain done: best held-out mIoU %.4f at step %d, wall %ds, weights %s%n",
                r.bestValidationIou(), r.bestStep(), r.wallTime().toSeconds(), r.weights());
    }
}
