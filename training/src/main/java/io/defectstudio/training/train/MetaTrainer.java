package io.defectstudio.training.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.Normalisation;
import io.defectstudio.inference.nets.ParameterCounts;
import io.defectstudio.training.augment.AugmentationPolicy;
import io.defectstudio.training.augment.PairAugmenter;
import io.defectstudio.training.backbone.BackboneWeights;
import io.defectstudio.training.calibration.BundleCalibrator;
import io.defectstudio.training.calibration.Calibration;
import io.defectstudio.training.checkpoint.CheckpointStore;
import io.defectstudio.training.checkpoint.RunState;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeSampler;
import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.EpisodeStream;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.episodes.FoldedSource;
import io.defectstudio.training.episodes.HeldOutSource;
import io.defectstudio.training.episodes.synthetic.EpisodeMix;
import io.defectstudio.training.episodes.synthetic.PseudoDefectEpisodes;
import io.defectstudio.training.loop.EpisodeBatcher;
import io.defectstudio.training.loop.ParameterOptimizer;
import io.defectstudio.training.loop.Seeds;
import io.defectstudio.training.loop.SegmentationLosses;
import io.defectstudio.training.loop.TrainingException;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.loop.TrainingLoop;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.IouAccumulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Meta-trains a few-shot network on one fold's training classes with one-way K-shot episodes, then writes a model
 * bundle (best validation parameters, metrics in model.json) with the inference module's writer.
 *
 * <p>Loss: BCE on the query mask (LERENet Eq. 6), plus alpha * KL attention distillation for EAMNet (alpha = 0.05).
 * Validation episodes come from held-out images (every 5th) of the training classes; the fold's test classes are
 * never read. The training-free matcher has nothing to train: its bundle is written at once. A trained network's
 * threshold is then calibrated on pseudo-defect episodes ({@link #calibrate}).
 */
public final class MetaTrainer {

    private static final int HOLD_OUT_EVERY = 5;
    private static final double NOT_CALIBRATED = 0.5;

    private MetaTrainer() {
    }

    /** Trains on a data folder (Defect-8i or Surface Defect-4i/FSSD-12 layout) for one fold. */
    public static TrainingResult run(TrainingConfig config, Path dataDir, int fold, TrainingListener listener) {
        FoldedSource data = FoldedSource.open(dataDir, fold);
        return run(config, data.source(), data.split(), listener);
    }

    /** Trains on any episode source (a folder, or a project's annotations) with the given class split. */
    public static TrainingResult run(TrainingConfig config, EpisodeSource source, FoldSplit split,
            TrainingListener listener) {
        long started = System.nanoTime();
        EpisodeStream episodeStream = trainingEpisodes(config, HeldOutSource.training(source, HOLD_OUT_EVERY), split);
        List<Episode> validation = validationEpisodes(config, source, split);
        Preprocessor preprocessor = new Preprocessor(config.inputSize(), config.inputSize(),
                Normalisation.forBackbone(config.backbone()));
        EpisodeBatcher training = new EpisodeBatcher(preprocessor, new PairAugmenter(AugmentationPolicy.eamnet()));
        EpisodeBatcher plain = new EpisodeBatcher(preprocessor, new PairAugmenter(AugmentationPolicy.none()));
        Device device = Engine.getInstance().defaultDevice();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            FewShotNet net = Architectures.create(config.architecture(), config.backbone());
            Seeds.seedEngine(config.loop().seed(), 0);
            int s = config.inputSize();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, s, s), new Shape(1, 1, 3, s, s),
                    new Shape(1, 1, 1, s, s));
            if (config.backboneWeights() != null) {
                BackboneWeights.load(net.backbone(), config.backboneWeights());
            } else if (BackboneWeights.shipped(config.backbone())) {
                BackboneWeights.loadShipped(net.backbone());
            }
            if (config.freezeBackbone()) {
                net.backbone().freezeParameters(true);
            }
            // The matcher is training-free by design: it only uses the (pre-trained) backbone's features.
            boolean trainable = !config.architecture().equals("matcher")
                    && !ParameterOptimizer.trainable(net).isEmpty();
            RunState state;
            if (trainable) {
                state = TrainingLoop.run(net, manager, config.loop(), describe(config), (scope, ps, step) -> {
                    List<Episode> episodes = new ArrayList<>(config.batchSize());
                    for (int b = 0; b < config.batchSize(); b++) {
                        episodes.add(episodeStream.episode(step * config.batchSize() + b));
                    }
                    NDList batch = training.batch(scope, episodes, Seeds.random(config.loop().seed(), step));
                    return loss(config, net.forward(ps, new NDList(batch.get(0), batch.get(1), batch.get(2)), true),
                            batch.get(3));
                }, (scope, ps) -> validate(net, ps, scope, plain, validation), listener);
                new CheckpointStore(config.loop().checkpointDir()).loadBest(net, manager);
            } else {
                double score;
                try (NDManager scope = manager.newSubManager()) {
                    score = validate(net, new ParameterStore(scope, false), scope, plain, validation);
                }
                state = new RunState(describe(config), 0, List.of(), List.of(score), score, 0);
            }
            writeBundle(config, net, split, state, trainable);
            // An untrained network keeps 0.5: the matcher's decision rule (closer to the defect than to the
            // background), which has no training-class confidence to correct.
            double threshold = !trainable || config.calibrationEpisodes() == 0 ? NOT_CALIBRATED
                    : calibrate(config.output(), SupportTuning.NONE, trainable, source, split, config.shots(),
                            config.calibrationEpisodes(),
                            config.loop().seed(), done -> listener.onCalibration(done, config.calibrationEpisodes()))
                            .threshold();
            return new TrainingResult(config.output(), state.bestScore(), state.bestStep(), state.losses(),
                    state.validationScores(), Duration.ofNanos(System.nanoTime() - started), threshold);
        }
    }

    /**
     * Chooses a written bundle's threshold, segmenting with {@code tuning}, on pseudo-defect episodes painted on the
     * held-out images of the fold's training classes and its defect-free images, and stores both in the bundle.
     */
    public static Calibration calibrate(Path bundle, SupportTuning tuning, boolean thresholdFromSupport,
            EpisodeSource source, FoldSplit split, int shots, int episodes, long seed, IntConsumer progress) {
        List<String> classes = split.trainClassesIn(source);
        return BundleCalibrator.calibrate(bundle, tuning, thresholdFromSupport, PseudoDefectEpisodes.onSurfacesOf(
                HeldOutSource.validation(source, HOLD_OUT_EVERY), classes, shots, seed + 2), episodes, progress);
    }

    /** BCE on the query logits, the optional Dice term, and EAMNet's attention distillation on its second output. */
    static NDArray loss(TrainingConfig config, NDList outputs, NDArray queryMask) {
        return SegmentationLosses.episode(outputs, queryMask, config.diceWeight(),
                config.architecture().equals("eamnet") ? config.adWeight() : 0f);
    }

    /** The fold's training classes, plus pseudo-defects painted on their images and the normal ones if asked for. */
    private static EpisodeStream trainingEpisodes(TrainingConfig config, EpisodeSource training, FoldSplit split) {
        EpisodeSampler real = EpisodeSampler.forTraining(training, split, config.shots(), config.loop().seed());
        if (config.syntheticShare() == 0) {
            return real;
        }
        return new EpisodeMix(real, PseudoDefectEpisodes.onSurfacesOf(training, real.classes(), config.shots(),
                config.loop().seed()), config.syntheticShare(), config.loop().seed());
    }

    private static List<Episode> validationEpisodes(TrainingConfig config, EpisodeSource source, FoldSplit split) {
        EpisodeSampler held = EpisodeSampler.forTraining(HeldOutSource.validation(source, HOLD_OUT_EVERY), split,
                config.shots(), config.loop().seed() + 1);
        List<Episode> episodes = new ArrayList<>(config.validationEpisodes());
        for (int i = 0; i < config.validationEpisodes(); i++) {
            episodes.add(held.episode(i));
        }
        return episodes;
    }

    /** mIoU over the held-out episodes at the network's input size, logits >= 0 (probability >= 0.5) as defect. */
    private static double validate(FewShotNet net, ParameterStore ps, NDManager scope, EpisodeBatcher batcher,
            List<Episode> episodes) {
        IouAccumulator iou = new IouAccumulator();
        for (Episode episode : episodes) {
            try (NDManager local = scope.newSubManager()) {
                NDList batch = batcher.batch(local, List.of(episode), Seeds.random(0, 0));
                NDArray logits = net.forward(ps, new NDList(batch.get(0), batch.get(1), batch.get(2)), false).get(0);
                int h = (int) logits.getShape().get(2);
                int w = (int) logits.getShape().get(3);
                boolean[] predicted = logits.gte(0f).toBooleanArray();
                boolean[] truth = batch.get(3).gte(0.5f).toBooleanArray();
                iou.add(episode.className(), new BinaryMask(w, h, predicted), new BinaryMask(w, h, truth));
            }
        }
        return iou.meanIou();
    }

    private static String describe(TrainingConfig c) {
        String weights = "none";
        if (c.backboneWeights() != null) {
            try {
                weights = c.backboneWeights().toAbsolutePath() + "@" + Files.size(c.backboneWeights());
            } catch (IOException e) {
                throw new TrainingException("Cannot read backbone weights " + c.backboneWeights(), e);
            }
        }
        return String.join(":", c.architecture(), c.backbone(), weights, "frozen=" + c.freezeBackbone(),
                "size=" + c.inputSize(), "k=" + c.shots(), "b=" + c.batchSize(), "ad=" + c.adWeight(),
                "dice=" + c.diceWeight(), "synthetic=" + c.syntheticShare(), "val=" + c.validationEpisodes());
    }

    private static String backboneProvenance(TrainingConfig config) {
        if (config.backboneWeights() != null) {
            return config.backboneWeights().getFileName().toString();
        }
        return BackboneWeights.shipped(config.backbone())
                ? "shipped ImageNet-derived " + config.backbone() + " (npm nsfwjs@4.4.0, MIT licence)" : "random";
    }

    /**
     * Writes the bundle. A trained head lets every support set choose its own threshold: its best
     * threshold varies from class to class far more than the matcher's (docs/benchmarks.md, "Threshold chosen by
     * the support set").
     */
    private static void writeBundle(TrainingConfig config, FewShotNet net, FoldSplit split, RunState state,
            boolean trainable) {
        String notes = String.format(Locale.ROOT,
                "fold %d meta-training: %d steps, %d-shot, batch %d, %s lr %.1e, backbone weights %s%s",
                split.fold(), state.losses().size(), config.shots(), config.batchSize(), config.loop().optimizer(),
                config.loop().learningRate(), backboneProvenance(config), config.freezeBackbone() ? " (frozen)" : "");
        Manifest manifest = Manifest.builder()
                .setArchitecture(config.architecture())
                .setBackbone(config.backbone())
                .optName(config.modelName())
                .optInputSize(config.inputSize(), config.inputSize())
                .optNormalisation(Normalisation.forBackbone(config.backbone()))
                .optTraining(new Manifest.Training(split.trainClasses(), List.of(), notes))
                .optMetric("validation_mIoU", state.bestScore())
                .optMetric("best_step", state.bestStep())
                .optSupportThreshold(trainable)
                .build();
        try {
            ModelBundleWriter.write(config.output(), manifest, net,
                    Manifest.Precision.forParameters(ParameterCounts.learnable(net)));
        } catch (IOException e) {
            throw new TrainingException("Cannot write the model bundle " + config.output() + ": " + e.getMessage(),
                    e);
        }
    }
}
