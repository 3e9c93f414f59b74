package io.defectstudio.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.calibration.BundleCalibrator;
import io.defectstudio.training.loop.StepProgress;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.testdata.SyntheticData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaTrainerTest {

    @TempDir
    static Path data;

    @TempDir
    Path work;

    @BeforeAll
    static void writeData() throws Exception {
        SyntheticData.writeDefect8i(data, 8, 32, 21);
    }

    static TrainingConfig config(String architecture, Path dir, long steps, long seed) {
        return config(architecture, dir, steps, seed, 0f, 0);
    }

    static TrainingConfig config(String architecture, Path dir, long steps, long seed, float syntheticShare,
            int calibrationEpisodes) {
        return TrainingConfig.builder(architecture, "compact", dir.resolve("ckpt"), dir.resolve("model"))
                .inputSize(32).steps(steps).stepsPerEpoch(10).checkpointEvery(5).learningRate(2e-3f)
                .syntheticShare(syntheticShare).validationEpisodes(6).calibrationEpisodes(calibrationEpisodes)
                .seed(seed).modelName(architecture + "-test").build();
    }

    @Test
    void lossDecreasesAndABundleWithMetricsIsWritten() {
        List<StepProgress> progress = new ArrayList<>();
        TrainingResult result = MetaTrainer.run(config("baseline", work, 40, 5), data, 0, new TrainingListener() {
            @Override
            public void onStep(StepProgress p) {
                progress.add(p);
            }
        });
        double first = result.losses().subList(0, 8).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = result.losses().subList(32, 40).stream().mapToDouble(Float::doubleValue).average()
                .orElseThrow();
        assertTrue(last < 0.8 * first, "loss fell from " + first + " to " + last);
        assertEquals(4, result.validationScores().size());
        assertEquals(40, progress.size());
        assertTrue(progress.get(39).remaining().isZero());
        Manifest manifest = ModelBundle.load(result.bundle()).manifest();
        assertEquals("baseline", manifest.architecture());
        assertEquals(result.bestValidationIou(), manifest.metrics().get("validation_mIoU"), 1e-9);
        assertEquals(List.of("MT_Break", "MT_Crack", "MT_Fray", "MT_Uneven", "Steel_Pa", "Steel_Sc"),
                manifest.training().classes());
    }

    @Test
    void sameSeedGivesTheSameLossSequence() {
        TrainingResult a = MetaTrainer.run(config("eamnet", work.resolve("a"), 4, 9), data, 0, TrainingListener.NONE);
        TrainingResult b = MetaTrainer.run(config("eamnet", work.resolve("b"), 4, 9), data, 0, TrainingListener.NONE);
        TrainingResult c = MetaTrainer.run(config("eamnet", work.resolve("c"), 4, 10), data, 0,
                TrainingListener.NONE);
        assertEquals(a.losses(), b.losses());
        assertNotEquals(a.losses(), c.losses());
    }

    @Test
    void pseudoDefectEpisodesAreReproducibleAndChangeWhatIsTrainedOn() {
        TrainingResult a = MetaTrainer.run(config("lerenet", work.resolve("a"), 4, 9, 1f, 0), data, 0,
                TrainingListener.NONE);
        TrainingResult b = MetaTrainer.run(config("lerenet", work.resolve("b"), 4, 9, 1f, 0), data, 0,
                TrainingListener.NONE);
        TrainingResult real = MetaTrainer.run(config("lerenet", work.resolve("c"), 4, 9, 0f, 0), data, 0,
                TrainingListener.NONE);
        assertEquals(a.losses(), b.losses());
        assertNotEquals(a.losses(), real.losses());
        assertTrue(a.losses().stream().allMatch(l -> Double.isFinite(l)), a.losses().toString());
    }

    @Test
    void theBundleCarriesTheThresholdCalibratedOnPseudoDefects() {
        TrainingResult result = MetaTrainer.run(config("baseline", work, 4, 3, 0f, 5), data, 0,
                TrainingListener.NONE);
        ModelBundle bundle = ModelBundle.load(result.bundle());
        Manifest manifest = bundle.manifest();
        double threshold = manifest.threshold();
        assertEquals(threshold, Math.round(threshold * 20) / 20.0, 1e-9, "not on the 0.05 grid: " + threshold);
        assertTrue(threshold >= 0.05 && threshold <= 0.9, "threshold " + threshold);
        double iou = manifest.metrics().get(BundleCalibrator.METRIC);
        assertTrue(iou >= 0 && iou <= 1, "calibration IoU " + iou);
        assertTrue(manifest.metrics().containsKey("validation_mIoU"), manifest.metrics().toString());
        assertEquals(manifest.weights().bytes(), bundle.readWeights().toBytes().length);

        TrainingResult matcher = MetaTrainer.run(config("matcher", work.resolve("m"), 4, 3, 0f, 5), data, 0,
                TrainingListener.NONE);
        Manifest untrained = ModelBundle.load(matcher.bundle()).manifest();
        assertEquals(0.5, untrained.threshold(), "the matcher keeps its decision rule");
        assertFalse(untrained.supportThreshold(), "and one threshold for every support set");
        assertTrue(manifest.supportThreshold(), "a trained head lets each support set choose its threshold");
        assertFalse(untrained.metrics().containsKey(BundleCalibrator.METRIC));
    }

    @Test
    void runsOnAThreadOtherThanTheOneThatLoadedTheEngine() throws Exception {
        ai.djl.engine.Engine.getInstance();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<TrainingResult> result =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(MetaTrainer.run(config("baseline", work, 2, 3), data, 0, TrainingListener.NONE));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fresh-training-thread");
        worker.start();
        worker.join();
        assertEquals(null, failure.get(), () -> "training on a fresh thread failed: " + failure.get());
        assertEquals(2, result.get().losses().size());
    }
}
