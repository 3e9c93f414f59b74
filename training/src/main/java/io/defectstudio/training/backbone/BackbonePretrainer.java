package io.defectstudio.training.backbone;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.Normalisation;
import io.defectstudio.training.augment.AugmentationPolicy;
import io.defectstudio.training.augment.AugmentedPair;
import io.defectstudio.training.augment.PairAugmenter;
import io.defectstudio.training.checkpoint.CheckpointStore;
import io.defectstudio.training.checkpoint.RunState;
import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.episodes.HeldOutSource;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.loop.Seeds;
import io.defectstudio.training.loop.SegmentationLosses;
import io.defectstudio.training.loop.TrainingException;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.loop.TrainingLoop;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.IouAccumulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pre-trains a backbone on a fold's training classes: class-agnostic defect segmentation (BCE on the defect masks),
 * with defect-free images as negatives, then writes the best backbone as safetensors for meta-training.
 * Held-out images (every 5th of each training class) pick the best epoch; the fold's test classes are never read.
 */
public final class BackbonePretrainer {

    private static final int HOLD_OUT_EVERY = 5;

    private BackbonePretrainer() {
    }

    public static PretrainResult run(
            PretrainConfig config, EpisodeSource source, FoldSplit split, TrainingListener listener) {
        long started = System.nanoTime();
        List<String> classes = split.trainClassesIn(source);
        if (classes.isEmpty()) {
            throw new TrainingException("None of fold " + split.fold() + "'s train classes is in the data set");
        }
        HeldOutSource train = HeldOutSource.training(source, HOLD_OUT_EVERY);
        List<List<Sample>> pools = classes.stream().map(train::samples).toList();
        List<Sample> normals = train.normalSamples();
        List<Labelled> validation = validationSet(HeldOutSource.validation(source, HOLD_OUT_EVERY), classes,
                config.validationImages());
        Preprocessor encoder = new Preprocessor(config.inputSize(), config.inputSize(),
                Normalisation.forBackbone(config.backbone()));
        PairAugmenter augmenter = new PairAugmenter(AugmentationPolicy.eamnet());
        Device device = Engine.getInstance().defaultDevice();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Backbone backbone = Backbones.create(config.backbone());
            PretrainNet net = new PretrainNet(backbone);
            Seeds.seedEngine(config.loop().seed(), 0);
            net.initialize(manager, DataType.FLOAT32,
                    new Shape(config.batchSize(), 3, config.inputSize(), config.inputSize()));
            if (BackboneWeights.shipped(config.backbone())) {
                // ImageNet-derived features: pre-training fine-tunes them instead of starting from noise.
                BackboneWeights.loadShipped(backbone);
            }
            for (int stage = 0; stage < config.tuneFrom(); stage++) {
                backbone.stage(stage).freezeParameters(true);
            }
            String model = "pretrain:" + config.backbone() + ":" + config.inputSize() + ":b" + config.batchSize()
                    + ":normal" + config.normalFraction() + ":classes" + classes
                    + (config.tuneFrom() > 0 ? ":tuneFrom" + config.tuneFrom() : "");
            RunState state = TrainingLoop.run(net, manager, config.loop(), model,
                    (scope, ps, step) -> {
                        NDList batch = batch(config, pools, normals, encoder, augmenter, scope, step);
                        NDArray logits = net.forward(ps, new NDList(batch.get(0)), true).singletonOrThrow();
                        return SegmentationLosses.bce(logits, batch.get(1));
                    },
                    (scope, ps) -> validate(net, ps, scope, encoder, validation),
                    listener);
            new CheckpointStore(config.loop().checkpointDir()).loadBest(net, manager);
            BackboneWeights.save(backbone, config.output());
            return new PretrainResult(config.output(), state.bestScore(), state.bestStep(), state.losses(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Writes the backbone of a pre-training run's best checkpoint as safetensors, e.g. when a run was stopped before
     * its end.
     */
    public static void exportBest(PretrainConfig config) {
        try (NDManager manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
            PretrainNet net = new PretrainNet(Backbones.create(config.backbone()));
            net.initialize(manager, DataType.FLOAT32,
                    new Shape(config.batchSize(), 3, config.inputSize(), config.inputSize()));
            if (!new CheckpointStore(config.loop().checkpointDir()).loadBest(net, manager)) {
                throw new TrainingException("No best checkpoint in " + config.loop().checkpointDir());
            }
            BackboneWeights.save(net.backbone(), config.output());
        }
    }

    private static NDList batch(PretrainConfig config, List<List<Sample>> pools, List<Sample> normals,
            Preprocessor encoder, PairAugmenter augmenter, NDManager scope, long step) {
        SplittableRandom random = Seeds.random(config.loop().seed(), step);
        NDList images = new NDList();
        NDList masks = new NDList();
        for (int b = 0; b < config.batchSize(); b++) {
            Sample sample;
            if (!normals.isEmpty() && random.nextDouble() < config.normalFraction()) {
                sample = normals.get(random.nextInt(normals.size()));
            } else {
                List<Sample> pool = pools.get(random.nextInt(pools.size()));
                sample = pool.get(random.nextInt(pool.size()));
            }
            AugmentedPair pair = augmenter.apply(sample.image(), sample.mask(), random);
            images.add(encoder.image(scope, pair.image()));
            masks.add(encoder.mask(scope, pair.mask()));
        }
        return new NDList(NDArrays.stack(images), NDArrays.stack(masks));
    }

    private static double validate(PretrainNet net, ParameterStore ps, NDManager scope, Preprocessor encoder,
            List<Labelled> validation) {
        IouAccumulator iou = new IouAccumulator();
        for (Labelled item : validation) {
            try (NDManager local = scope.newSubManager()) {
                NDArray image = encoder.image(local, item.sample().image()).expandDims(0);
                NDArray logits = net.forward(ps, new NDList(image), false).singletonOrThrow();
                BinaryMask predicted = toMask(logits.gt(0), encoder.width());
                BinaryMask truth = toMask(encoder.mask(local, item.sample().mask()).gte(0.5f), encoder.width());
                iou.add(item.className(), predicted, truth);
            }
        }
        return iou.meanIou();
    }

    static BinaryMask toMask(NDArray booleans, int size) {
        boolean[] pixels = booleans.toType(DataType.BOOLEAN, false).toBooleanArray();
        return new BinaryMask(size, size, pixels);
    }

    private static List<Labelled> validationSet(EpisodeSource held, List<String> classes, int count) {
        List<Labelled> all = new ArrayList<>();
        int perClass = Math.max(1, count / classes.size());
        for (String name : classes) {
            List<Sample> samples = held.samples(name);
            for (int i = 0; i < Math.min(perClass, samples.size()); i++) {
                all.add(new Labelled(name, samples.get(i)));
            }
        }
        return all;
    }

    private record Labelled(String className, Sample sample) {
    }
}
