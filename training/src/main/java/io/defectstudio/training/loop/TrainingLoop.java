package io.defectstudio.training.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.training.checkpoint.CheckpointStore;
import io.defectstudio.training.checkpoint.RunState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resumable optimisation loop shared by backbone pre-training and meta-training: poly-decayed SGD/Adam, one
 * scoped native-memory manager per step, validation at each epoch end with the best parameters kept, and
 * checkpoints every N steps. Step {@code i}'s randomness is derived from (seed, i) only, so a run resumed from a
 * checkpoint produces the same parameters and losses as one that never stopped.
 */
public final class TrainingLoop {

    /**
     * Steps in a row that may be skipped for a gradient that is not finite before the run stops. A rare bad batch is
     * skipped, as mixed-precision training skips an overflowing step; a run that keeps producing them has diverged.
     */
    static final int MAX_SKIPPED_IN_A_ROW = 5;

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    /** Computes one step's loss (inside a gradient collector) from the step's own manager. */
    @FunctionalInterface
    public interface StepFunction {
        NDArray loss(NDManager scope, ParameterStore ps, long step);
    }

    /** Scores the current parameters (higher is better), run without gradients. */
    @FunctionalInterface
    public interface Validation {
        double score(NDManager scope, ParameterStore ps);
    }

    private TrainingLoop() {
    }

    /**
     * Trains an initialised block to the end, resuming from the checkpoint directory when a checkpoint of the same
     * settings is there.
     *
     * @param model a description of the model (architecture, sizes) that a resumed checkpoint must match
     */
    public static RunState run(Block block, NDManager manager, LoopSettings settings, String model,
            StepFunction stepFunction, Validation validation, TrainingListener listener) {
        // Grad mode is per thread and on by default; the engine turns it off only on the thread that loaded it. A
        // run on any other thread (the app's training thread, a CLI after a segmentation) would otherwise fail in
        // the optimizer's in-place update. Gradient collectors still switch it on for each step.
        boolean grad = EngineSetup.disableGrad();
        try {
            return runWithoutGrad(block, manager, settings, model, stepFunction, validation, listener);
        } finally {
            EngineSetup.restoreGrad(grad);
        }
    }

    private static RunState runWithoutGrad(Block block, NDManager manager, LoopSettings settings, String model,
            StepFunction stepFunction, Validation validation, TrainingListener listener) {
        String fingerprint = settings.fingerprint(model);
        CheckpointStore store = new CheckpointStore(settings.checkpointDir());
        PolyDecay schedule = new PolyDecay(settings.learningRate(), settings.totalSteps(), settings.polyPower());
        List<Pair<String, Parameter>> parameters = ParameterOptimizer.trainable(block);
        if (parameters.isEmpty()) {
            throw new TrainingException("The model has no trainable parameters");
        }
        try (ParameterOptimizer optimizer = new ParameterOptimizer(
                settings.optimizer(), settings.momentum(), settings.weightDecay(), manager)) {
            RunState state = RunState.fresh(fingerprint);
            Optional<CheckpointStore.Restored> restored = store.restore(fingerprint, block, manager);
            if (restored.isPresent()) {
                state = restored.get().state();
                try (var arrays = restored.get().optimizerState()) {
                    optimizer.importState(arrays);
                }
                listener.onResume(settings.phase(), state.nextStep());
            }
            List<Float> losses = new ArrayList<>(state.losses());
            List<Double> scores = new ArrayList<>(state.validationScores());
            double bestScore = state.bestScore();
            long bestStep = state.bestStep();
            long started = System.nanoTime();
            long firstStep = state.nextStep();
            int skippedInARow = 0;
            for (long step = firstStep; step < settings.totalSteps(); step++) {
                float rate = schedule.rateAt(step);
                float loss = trainStep(block, manager, settings.seed(), step, stepFunction, optimizer, parameters,
                        rate);
                if (Float.isNaN(loss)) {
                    skippedInARow++;
                    if (skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                        throw new TrainingException(settings.phase() + ": " + skippedInARow + " steps in a row, up to "
                                + "step " + step + ", gave a loss or gradient that is not finite; the run has "
                                + "diverged. Lower the learning rate (" + settings.learningRate() + ")");
                    }
                    LOG.warn("{}: step {} skipped, its loss or gradient is not finite", settings.phase(), step);
                    listener.onSkippedStep(settings.phase(), step);
                } else {
                    skippedInARow = 0;
                }
                losses.add(loss);
                long done = step + 1;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                long perStep = elapsed.toNanos() / (done - firstStep);
                listener.onStep(new StepProgress(settings.phase(), done, settings.totalSteps(), loss, rate, elapsed,
                        Duration.ofNanos(perStep * (settings.totalSteps() - done))));
                boolean epochEnd = done % settings.stepsPerEpoch() == 0 || done == settings.totalSteps();
                if (epochEnd) {
                    double score = validate(block, manager, validation);
                    scores.add(score);
                    boolean best = score > bestScore;
                    if (best) {
                        bestScore = score;
                        bestStep = done;
                        store.saveBest(block);
                    }
                    int epoch = (int) ((done + settings.stepsPerEpoch() - 1) / settings.stepsPerEpoch());
                    long epochStart = (epoch - 1) * settings.stepsPerEpoch();
                    double meanLoss = losses.subList((int) epochStart, losses.size()).stream()
                            .filter(Float::isFinite).mapToDouble(Float::doubleValue).average().orElse(Double.NaN);
                    listener.onEpoch(new EpochSummary(settings.phase(), epoch, done, meanLoss, score, best));
                }
                if (epochEnd || (settings.checkpointEvery() > 0 && done % settings.checkpointEvery() == 0)) {
                    RunState snapshot = new RunState(fingerprint, done, losses, scores, bestScore, bestStep);
                    store.save(snapshot, block, optimizer.exportState());
                    listener.onCheckpoint(settings.phase(), done, store.lastFile());
                }
            }
            return new RunState(fingerprint, settings.totalSteps(), losses, scores, bestScore, bestStep);
        }
    }

    /** Runs one step; its loss, or NaN where the step was skipped because its loss or a gradient is not finite. */
    private static float trainStep(Block block, NDManager manager, long seed, long step, StepFunction stepFunction,
            ParameterOptimizer optimizer, List<Pair<String, Parameter>> parameters, float rate) {
        Seeds.seedEngine(seed, step + 1);
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossArray = stepFunction.loss(scope, ps, step);
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            if (!Float.isFinite(loss)) {
                optimizer.clearGradients(parameters);
                return Float.NaN;
            }
            return optimizer.step(parameters, rate, step) ? loss : Float.NaN;
        }
    }

    private static double validate(Block block, NDManager manager, Validation validation) {
        try (NDManager scope = manager.newSubManager()) {
            return validation.score(scope, new ParameterStore(scope, false));
        }
    }
}
