package io.defectstudio.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.bundle.ModelBundleException;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeList;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.testdata.SyntheticData;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.TrainingConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    private static final String TILES = "magnetic-tile/MT_Blowhole/Imgs/exp_";
    private static final String STEEL = "sd-saliency-900/SD-saliency-900/";

    @TempDir
    static Path data;

    static Path bundle;
    static Path list;

    @BeforeAll
    static void prepare() throws Exception {
        SyntheticData.writeDefect8i(data, 6, 32, 31);
        // The training-free matcher gives a real bundle without training time.
        TrainingConfig config = TrainingConfig.builder("matcher", "compact", data.resolve("ckpt"),
                data.resolve("model"))
                .inputSize(32).batchSize(1).steps(1).stepsPerEpoch(1).checkpointEvery(1).optimizer(OptimizerKind.SGD)
                .weightDecay(0).adWeight(0).validationEpisodes(2).calibrationEpisodes(0).seed(1)
                .modelName("matcher-test").build();
        bundle = MetaTrainer.run(config, data, 0, TrainingListener.NONE).bundle();
        list = data.resolve("fold0_1shot.tsv");
        StringBuilder tsv = new StringBuilder(
                "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks\n");
        // Episodes 0-2 share one tile support set; 3-5 use distinct steel supports.
        for (int i = 0; i < 3; i++) {
            tsv.append(i).append("\tMT_Blowhole\t").append(TILES).append(i + 1).append(".jpg\t").append(TILES)
                    .append(i + 1).append(".png\t").append(TILES).append("0.jpg\t").append(TILES).append("0.png\n");
        }
        for (int i = 3; i < 6; i++) {
            tsv.append(i).append("\tSteel_In\t").append(STEEL).append("Source Images/In_").append(i).append(".bmp\t")
                    .append(STEEL).append("Ground truth/In_").append(i).append(".png\t").append(STEEL)
                    .append("Source Images/In_").append(i - 2).append(".bmp\t").append(STEEL)
                    .append("Ground truth/In_").append(i - 2).append(".png\n");
        }
        Files.writeString(list, tsv);
    }

    @Test
    void episodesOfOneSupportSetAreScoredTogetherSoEachSetIsPreparedOnce() {
        List<Episode> episodes = EpisodeList.read(list, data);
        List<Episode> interleaved = List.of(episodes.get(0), episodes.get(3), episodes.get(1), episodes.get(4),
                episodes.get(2));
        assertEquals(List.of(episodes.get(0), episodes.get(1), episodes.get(2), episodes.get(3), episodes.get(4)),
                Evaluator.bySupportSet(interleaved));
        assertEquals(List.of(episodes.get(0), episodes.get(1), episodes.get(4), episodes.get(3)),
                Evaluator.bySupportSet(List.of(episodes.get(4), episodes.get(0), episodes.get(3), episodes.get(1))),
                "one class's sets together, so that the support cache holds one class's images at a time");
    }

    @Test
    void scoresTheListWithTheBenchmarkRulesThroughTheSegmenter() {
        List<EvalProgress> progress = new ArrayList<>();
        EvalReport report = Evaluator.evaluate(bundle, list, data, new EvalOptions(0, 4, DeviceChoice.CPU, 0),
                progress::add);

        assertEquals(6, report.episodes());
        assertFalse(report.limited());
        assertEquals(Set.of("MT_Blowhole", "Steel_In"), report.classIou().keySet());
        assertEquals(4, report.normalImages());
        assertEquals(4, report.supportEncodings(), "1 shared tile set + 3 steel sets; normals reuse the tile set");
        assertEquals(10, progress.size());
        assertEquals("normal images", progress.get(9).phase());

        // Independent recount: the segmenter's masks (original size) against masks >= 128, summed per class.
        Map<String, long[]> sums = new HashMap<>();
        long[] fg = new long[2];
        long[] bg = new long[2];
        int painted = 0;
        try (DjlSegmenter segmenter = DjlSegmenter.open(ModelBundle.load(bundle),
                InferenceOptions.of(DeviceChoice.CPU), Architectures::create)) {
            for (Episode e : EpisodeList.read(list, data)) {
                Segmentation s = segment(segmenter, e.supports(), e.query().image());
                BufferedImage truth = e.query().mask();
                assertEquals(truth.getWidth(), s.mask().getWidth(), "scored at the original size");
                long[] c = sums.computeIfAbsent(e.className(), k -> new long[2]);
                for (int y = 0; y < truth.getHeight(); y++) {
                    for (int x = 0; x < truth.getWidth(); x++) {
                        boolean t = truth.getRaster().getSample(x, y, 0) >= 128;
                        boolean p = s.mask().getRaster().getSample(x, y, 0) >= 128;
                        c[0] += t && p ? 1 : 0;
                        c[1] += t || p ? 1 : 0;
                        fg[0] += t && p ? 1 : 0;
                        fg[1] += t || p ? 1 : 0;
                        bg[0] += !t && !p ? 1 : 0;
                        bg[1] += !t || !p ? 1 : 0;
                    }
                }
            }
            List<Sample> tileSupport = EpisodeList.read(list, data).get(0).supports();
            for (Sample normal : Evaluator.normalTiles(data, 4)) {
                painted += segment(segmenter, tileSupport, normal.image()).defectPixels() > 0 ? 1 : 0;
            }
        }
        double blowhole = ratio(sums.get("MT_Blowhole"));
        double steel = ratio(sums.get("Steel_In"));
        assertEquals(blowhole, report.classIou().get("MT_Blowhole"), 1e-12);
        assertEquals(steel, report.classIou().get("Steel_In"), 1e-12);
        assertEquals((blowhole + steel) / 2, report.meanIou(), 1e-12);
        assertEquals((ratio(fg) + ratio(bg)) / 2, report.fbIou(), 1e-12);
        assertEquals(painted / 4.0, report.falsePositiveRate(), 1e-12);
        assertTrue(report.summary().contains("mIoU"));
    }

    @Test
    void aLimitScoresOnlyTheFirstEpisodesAndSaysSo() {
        EvalReport report = Evaluator.evaluate(bundle, list, data, new EvalOptions(2, 0, DeviceChoice.CPU, 0),
                EvalListener.NONE);
        assertEquals(2, report.episodes());
        assertEquals(6, report.listEpisodes());
        assertTrue(report.limited());
        assertEquals(Set.of("MT_Blowhole"), report.classIou().keySet());
        assertEquals(1, report.supportEncodings());
        assertEquals(0, report.normalImages());
        assertTrue(report.summary().contains("LIMITED"));
    }

    @Test
    void theSweepScoresOtherThresholdsFromTheSameProbabilities() {
        EvalReport report = Evaluator.evaluate(bundle, list, data,
                new EvalOptions(0, 0, DeviceChoice.CPU, 0, List.of(0.9, 0.5, 1e-6)), EvalListener.NONE);
        assertEquals(List.of(1e-6, 0.5, 0.9), List.copyOf(report.sweepMeanIou().keySet()));
        assertEquals(report.meanIou(), report.sweepMeanIou().get(0.5), 1e-12, "0.5 is the bundle's own threshold");
        // Painting everything: each class's IoU is its defect area over the whole image area.
        assertTrue(report.sweepMeanIou().get(1e-6) > 0 && report.sweepMeanIou().get(1e-6) < 1);
        assertTrue(report.summary().contains("mIoU by threshold:  0.00 "), report.summary());
        assertTrue(report.sweepFalsePositiveRate().isEmpty(), "no defect-free tile was scored");
        assertThrows(IllegalArgumentException.class, () -> new EvalOptions(0, 0, DeviceChoice.CPU, 0, List.of(1.0)));
    }

    @Test
    void theSweepCountsFalsePositivesOnTheDefectFreeTilesAtEachThreshold() {
        EvalReport report = Evaluator.evaluate(bundle, list, data,
                new EvalOptions(0, 4, DeviceChoice.CPU, 0, List.of(0.5, 1e-9, 1 - 1e-9)), EvalListener.NONE);
        Map<Double, Double> rates = report.sweepFalsePositiveRate();
        assertEquals(List.of(1e-9, 0.5, 1 - 1e-9), List.copyOf(rates.keySet()));
        assertEquals(report.falsePositiveRate(), rates.get(0.5), 1e-12, "0.5 is the bundle's own threshold");
        assertEquals(1.0, rates.get(1e-9), "a near-zero threshold paints every tile");
        assertTrue(rates.get(1 - 1e-9) <= rates.get(0.5) && rates.get(0.5) <= rates.get(1e-9), rates.toString());
        assertTrue(report.summary().contains("false-positive rate by threshold:  0.00 100.00%"), report.summary());
    }

    @Test
    void aMissingBundleIsATypedError() {
        assertThrows(ModelBundleException.class, () -> Evaluator.evaluate(data.resolve("nothing"), list, data,
                EvalOptions.full(), EvalListener.NONE));
    }

    private static Segmentation segment(DjlSegmenter segmenter, List<Sample> supports, BufferedImage query) {
        List<SupportExample> examples = supports.stream().map(s -> new SupportExample(s.image(), s.mask())).toList();
        try (PreparedSupport prepared = segmenter.prepare(SupportSet.of(examples))) {
            return segmenter.segment(prepared, query);
        }
    }

    private static double ratio(long[] iu) {
        return iu[1] == 0 ? 1.0 : (double) iu[0] / iu[1];
    }
}
