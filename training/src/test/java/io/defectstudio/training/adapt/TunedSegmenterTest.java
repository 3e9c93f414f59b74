package io.defectstudio.training.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.Manifest.SupportTuning;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.testdata.SyntheticData;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.TrainingConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Support tuning on a real EAMNet bundle (trained one step on synthetic classes), through the Segmenter interface. */
class TunedSegmenterTest {

    private static final InferenceOptions CPU = InferenceOptions.of(DeviceChoice.CPU);
    private static final SupportTuning TUNING = new SupportTuning(15, 1e-2);

    @TempDir
    static Path data;

    static ModelBundle bundle;

    @BeforeAll
    static void trainBundle() throws Exception {
        SyntheticData.writeDefect8i(data, 6, 32, 5);
        TrainingConfig config = TrainingConfig.builder("eamnet", "compact", data.resolve("ckpt"), data.resolve("model"))
                .inputSize(32).batchSize(1).steps(1).stepsPerEpoch(1).checkpointEvery(1).weightDecay(0)
                .validationEpisodes(2).calibrationEpisodes(0).seed(1).modelName("eamnet-test").build();
        bundle = ModelBundle.load(MetaTrainer.run(config, data, 0, TrainingListener.NONE).bundle());
    }

    @Test
    void tuningFitsTheNetworkToTheSupportSet() {
        SyntheticData.Pair support = SyntheticData.pair(new Random(3), 32, 32, 1);
        double before;
        try (Segmenter plain = DjlSegmenter.open(bundle, CPU)) {
            before = selfLoss(plain, support);
        }
        double after;
        try (Segmenter tuned = TunedSegmenter.open(bundle, TUNING, CPU)) {
            after = selfLoss(tuned, support);
        }
        assertTrue(after < 0.7 * before, "cross-entropy on the support image itself: before " + before
                + ", after tuning " + after);
    }

    @Test
    void eachPreparedSupportKeepsItsOwnWeights() {
        SyntheticData.Pair a = SyntheticData.pair(new Random(3), 32, 32, 1);
        SyntheticData.Pair b = SyntheticData.pair(new Random(4), 32, 32, 3);
        BufferedImage query = SyntheticData.pair(new Random(5), 32, 32, 1).image();
        try (Segmenter tuned = TunedSegmenter.open(bundle, TUNING, CPU)) {
            PreparedSupport first = tuned.prepare(set(a));
            float[] withA = tuned.segment(first, query).probability();
            PreparedSupport second = tuned.prepare(set(b));
            float[] withB = tuned.segment(second, query).probability();
            assertFalse(Arrays.equals(withA, withB), "two support sets tune to two networks");
            assertArrayEquals(withA, tuned.segment(first, query).probability(), "A's weights come back for A");
            try (PreparedSupport again = tuned.prepare(set(a))) {
                assertArrayEquals(withA, tuned.segment(again, query).probability(),
                        "tuning always starts from the bundle's weights, statistics included");
            }
            first.close();
            assertThrows(IllegalStateException.class, () -> tuned.segment(first, query));
            try (Segmenter other = TunedSegmenter.open(bundle, TUNING, CPU)) {
                assertThrows(IllegalArgumentException.class, () -> other.segment(second, query));
            }
        }
    }

    @Test
    void aFitThatDivergesLeavesTheSupportSetWithTheBundlesWeights() {
        // Adam moves every weight by about the learning rate per step: at 0.99 the activations overflow within steps.
        SupportTuning diverging = new SupportTuning(200, 0.99);
        SyntheticData.Pair support = SyntheticData.pair(new Random(3), 32, 32, 1);
        BufferedImage query = SyntheticData.pair(new Random(5), 32, 32, 1).image();
        try (Segmenter plain = DjlSegmenter.open(bundle, CPU);
                PreparedSupport untuned = plain.prepare(set(support));
                Segmenter tuned = TunedSegmenter.open(bundle, diverging, CPU);
                PreparedSupport fallback = tuned.prepare(set(support))) {
            assertArrayEquals(plain.segment(untuned, query).probability(),
                    tuned.segment(fallback, query).probability());
        }
    }

    @Test
    void sixteenBitAndCameraSizeSupportsAreTunedOn() {
        SyntheticData.Pair small = SyntheticData.pair(new Random(6), 32, 32, 1);
        BufferedImage deep = new BufferedImage(32, 32, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                deep.getRaster().setSample(x, y, 0, small.image().getRaster().getSample(x, y, 0) * 257);
            }
        }
        SyntheticData.Pair large = SyntheticData.pair(new Random(7), 900, 700, 1);
        try (Segmenter tuned = TunedSegmenter.open(bundle, TUNING, CPU);
                PreparedSupport both = tuned.prepare(SupportSet.of(new SupportExample(deep, small.mask()),
                        new SupportExample(large.image(), large.mask())))) {
            Segmentation result = tuned.segment(both, large.image());
            assertEquals(900, result.width());
            assertEquals(700, result.height());
        }
    }

    @Test
    void theManifestDecidesWhetherABundleTunesAndWhoChoosesTheThreshold(@TempDir Path dir) throws Exception {
        Manifest plain = bundle.manifest().withSupportThreshold(false);
        assertInstanceOf(DjlSegmenter.class, open(dir.resolve("plain"), plain));
        assertInstanceOf(TunedSegmenter.class, open(dir.resolve("tuned"), plain.withThreshold(0.5, TUNING,
                "calibration", 0.1)));
        assertInstanceOf(SupportThresholdSegmenter.class, open(dir.resolve("chosen"),
                plain.withSupportThreshold(true)));
    }

    @Test
    void onlyTheHeadAndLayer2And3AreTunedWhateverTheBundleLeftTrainable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create("lerenet", "compact");
            NetworkLoader.initialize(net, manager, 32, 32);
            assertTrue(net.backbone().stage(1).getParameters().valueAt(0).requiresGradient(),
                    "LERENet leaves its backbone trainable");
            try (SupportTuner tuner = new SupportTuner(net, Preprocessor.of(bundle.manifest()), TUNING, manager)) {
                assertFalse(net.backbone().stage(1).getParameters().valueAt(0).requiresGradient());
                assertTrue(net.backbone().stage(2).getParameters().valueAt(0).requiresGradient());
                assertTrue(net.backbone().stage(3).getParameters().valueAt(0).requiresGradient());
                net.backbone().stage(2).getParameters().forEach(p -> assertEquals(
                        p.getValue().getType() != Parameter.Type.RUNNING_MEAN
                                && p.getValue().getType() != Parameter.Type.RUNNING_VAR,
                        p.getValue().requiresGradient(), p.getKey()));
            }
        }
    }

    @Test
    void optionsLeftOutKeepWhatTheBundleSays() {
        SupportTuning kept = new SupportTuning(7, 5e-4);
        assertEquals(kept, SupportTuner.override(kept, -1, -1));
        assertEquals(new SupportTuning(3, 5e-4), SupportTuner.override(kept, 3, -1));
        assertEquals(new SupportTuning(0, 5e-4), SupportTuner.override(kept, 0, -1));
        assertEquals(new SupportTuning(4, SupportTuner.DEFAULT.learningRate()),
                SupportTuner.override(SupportTuning.NONE, 4, -1));
        assertEquals(new SupportTuning(4, 2e-3), SupportTuner.override(SupportTuning.NONE, 4, 2e-3));
    }

    /** The class of segmenter that {@link BundleOpener#open} gives for {@code manifest}, closed again. */
    private static Segmenter open(Path dir, Manifest manifest) throws Exception {
        ModelBundle.write(dir, manifest, bundle.readWeights());
        try (Segmenter s = BundleOpener.open(ModelBundle.load(dir), CPU)) {
            return s;
        }
    }

    private static SupportSet set(SyntheticData.Pair pair) {
        return SupportSet.of(new SupportExample(pair.image(), pair.mask()));
    }

    /** Mean binary cross-entropy of the segmentation of the support image against its own mask. */
    private static double selfLoss(Segmenter segmenter, SyntheticData.Pair support) {
        try (PreparedSupport prepared = segmenter.prepare(set(support))) {
            float[] p = segmenter.segment(prepared, support.image()).probability();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                boolean defect = support.mask().getRaster().getSample(i % 32, i / 32, 0) >= 128;
                double q = Math.min(Math.max(defect ? p[i] : 1 - p[i], 1e-6), 1);
                sum -= Math.log(q);
            }
            return sum / p.length;
        }
    }
}
