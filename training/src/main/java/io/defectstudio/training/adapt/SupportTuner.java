package io.defectstudio.training.adapt;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.training.augment.AugmentationPolicy;
import io.defectstudio.training.augment.PairAugmenter;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.loop.EpisodeBatcher;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.loop.ParameterOptimizer;
import io.defectstudio.training.loop.SegmentationLosses;
import io.defectstudio.training.loop.TrainingException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a network to one support set before it segments with it (test-time training on {@link SelfEpisodes}): a few
 * Adam steps on the head and on the backbone stages that the matching prior compares, so that both the prior's
 * features and the head follow the painted class instead of the classes of meta-training. Every support set starts
 * from the bundle's weights, and the same support set always gives the same weights.
 */
public final class SupportTuner implements AutoCloseable {

    /** The setting measured in docs/benchmarks.md: 10 steps at 1e-3, about 3 s per support set on 2 CPU cores. */
    public static final SupportTuning DEFAULT = new SupportTuning(10, 1e-3);

    /** Backbone stages whose weights are tuned: layer2 and layer3, the features the matching prior compares. */
    private static final int[] TUNED_STAGES = {2, 3};
    /** Episodes per step: two independent augmentations of the support set. */
    private static final int EPISODES_PER_STEP = 2;
    private static final long SEED = 42;

    private final FewShotNet net;
    private final SupportTuning tuning;
    private final EpisodeBatcher batcher;
    private final NDManager manager;
    private final List<Pair<String, Parameter>> trainable;
    private final NDList pristine;

    /**
     * Prepares {@code net} (initialised, with its bundle's weights) for tuning: its head stays trainable and the
     * tuned backbone stages' weights become so. BatchNorm statistics are never tuned.
     */
    public SupportTuner(FewShotNet net, Preprocessor preprocessor, SupportTuning tuning, NDManager parent) {
        if (!tuning.enabled()) {
            throw new IllegalArgumentException("support tuning needs at least one step");
        }
        this.net = net;
        this.tuning = tuning;
        this.batcher = new EpisodeBatcher(preprocessor, new PairAugmenter(AugmentationPolicy.eamnet()));
        this.manager = parent.newSubManager();
        // A bundle's network may come with a trainable backbone (LERENet's is): only the chosen stages are tuned.
        net.backbone().freezeParameters(true);
        for (int stage : TUNED_STAGES) {
            unfreezeWeights(net.backbone().stage(stage));
        }
        trainable = ParameterOptimizer.trainable(net);
        pristine = snapshot(manager);
    }

    /**
     * A support tuning from options that may be left out: {@code steps < 0} keeps {@code kept}'s steps, and
     * {@code learningRate <= 0} keeps its rate, or {@link #DEFAULT}'s where it does not tune.
     */
    public static SupportTuning override(SupportTuning kept, int steps, double learningRate) {
        double rate = learningRate > 0 ? learningRate
                : kept.enabled() ? kept.learningRate() : DEFAULT.learningRate();
        return new SupportTuning(steps < 0 ? kept.steps() : steps, rate);
    }

    /**
     * Starts from the bundle's weights and fits them to {@code supports}.
     *
     * @throws TrainingException where a gradient is not finite; the weights are then part-way, see {@link #reset}
     */
    public void tune(List<? extends Sample> supports) {
        reset();
        boolean grad = EngineSetup.disableGrad();
        try (ParameterOptimizer optimizer = new ParameterOptimizer(OptimizerKind.ADAM, 0f, 0f, manager)) {
            SplittableRandom random = new SplittableRandom(SEED);
            for (int step = 0; step < tuning.steps(); step++) {
                try (NDManager scope = manager.newSubManager()) {
                    ParameterStore ps = new ParameterStore(scope, false);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDList batch = batcher.batch(scope, SelfEpisodes.forStep(supports, step, EPISODES_PER_STEP),
                                random);
                        // Inference mode (BatchNorm on its running statistics): the network is tuned exactly as it
                        // will segment, and two images of one support set are no batch to take statistics from.
                        NDList outputs = net.forward(ps, new NDList(batch.get(0), batch.get(1), batch.get(2)),
                                false);
                        // The loss of meta-training: BCE, and attention distillation where the net has it (EAMNet).
                        collector.backward(SegmentationLosses.episode(outputs, batch.get(3), 0f,
                                SegmentationLosses.AD_WEIGHT));
                    }
                    if (!optimizer.step(trainable, (float) tuning.learningRate(), step)) {
                        throw new TrainingException("Support tuning step " + step
                                + ": a gradient is not finite (NaN or infinite); the tuning diverged");
                    }
                }
            }
        } finally {
            EngineSetup.restoreGrad(grad);
        }
    }

    /** Puts the bundle's weights back. */
    public void reset() {
        load(pristine);
    }

    /** A copy, on {@code target}, of every weight that tuning changes. */
    public NDList snapshot(NDManager target) {
        NDList copy = new NDList(trainable.size());
        for (Pair<String, Parameter> p : trainable) {
            NDArray a = p.getValue().getArray().duplicate();
            a.attach(target);
            copy.add(a);
        }
        return copy;
    }

    /** Puts back weights taken by {@link #snapshot}. */
    public void load(NDList weights) {
        for (int i = 0; i < trainable.size(); i++) {
            weights.get(i).copyTo(trainable.get(i).getValue().getArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private static void unfreezeWeights(Block stage) {
        for (Pair<String, Parameter> p : stage.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            p.getValue().freeze(type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR);
        }
    }
}
