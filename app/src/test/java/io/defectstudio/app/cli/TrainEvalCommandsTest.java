package io.defectstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.testdata.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data team's headless loop: train a fold, then score the bundle on a fixed episode list. */
class TrainEvalCommandsTest {

    @Test
    void trainWritesABundleThatEvalScoresOnAFixedList(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticData.writeDefect8i(data, 6, 32, 7);
        Path runDir = dir.resolve("run");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--fold", "0", "--out", runDir.toString(),
                "--arch", "baseline", "--size", "64", "--pretrain-steps", "2", "--steps", "4", "--epoch-steps", "2",
                "--checkpoint-every", "2", "--batch", "1");
        assertEquals(0, train.code(), train.err() + train.out());
        assertTrue(train.out().contains("meta-train step 4/4"), train.out());
        assertTrue(train.out().contains("Backbone pre-trained"), train.out());
        assertTrue(Files.isRegularFile(runDir.resolve("model/model.json")), train.out());
        assertTrue(train.out().contains("(calibrated on pseudo-defects)"), train.out());
        assertTrue(train.out().contains("threshold calibration 100/100 pseudo-defect episodes"), train.out());

        // Recalibrated with support tuning and support-chosen thresholds: model.json keeps all, and eval below
        // segments with them.
        CliRun calibrate = CliRun.of("calibrate", "--model", runDir.resolve("model").toString(), "--data",
                data.toString(),
                "--fold", "0", "--episodes", "3", "--tune-steps", "2", "--support-threshold", "true");
        assertEquals(0, calibrate.code(), calibrate.err() + calibrate.out());
        assertTrue(calibrate.out().contains("calibration 3/3"), calibrate.out());
        assertTrue(calibrate.out().contains("support tuning 2 steps"), calibrate.out());
        Matcher threshold = Pattern.compile("Threshold (\\d\\.\\d\\d)").matcher(calibrate.out());
        assertTrue(threshold.find(), calibrate.out());
        Manifest calibrated = ModelBundle.load(runDir.resolve("model")).manifest();
        assertEquals(Double.parseDouble(threshold.group(1)), calibrated.threshold(), 1e-9);
        assertEquals(new Manifest.SupportTuning(2, 1e-3), calibrated.supportTuning());
        assertTrue(calibrated.supportThreshold(), calibrate.out());
        assertTrue(calibrate.out().contains("each support set chooses its own threshold"), calibrate.out());

        // Fold 0 tests on MT_Blowhole and Steel_In: two 1-shot episodes of each, as the benchmark lists them.
        Path list = dir.resolve("fold0_1shot.tsv");
        Files.writeString(list, "episode\tclass\tquery_image\tquery_mask\tsupport_images\tsupport_masks\n"
                + "0\tMT_Blowhole\tmagnetic-tile/MT_Blowhole/Imgs/exp_0.jpg\tmagnetic-tile/MT_Blowhole/Imgs/exp_0.png"
                + "\tmagnetic-tile/MT_Blowhole/Imgs/exp_1.jpg\tmagnetic-tile/MT_Blowhole/Imgs/exp_1.png\n"
                + "1\tMT_Blowhole\tmagnetic-tile/MT_Blowhole/Imgs/exp_2.jpg\tmagnetic-tile/MT_Blowhole/Imgs/exp_2.png"
                + "\tmagnetic-tile/MT_Blowhole/Imgs/exp_1.jpg\tmagnetic-tile/MT_Blowhole/Imgs/exp_1.png\n"
                + "2\tSteel_In\tsd-saliency-900/SD-saliency-900/Source Images/In_1.bmp"
                + "\tsd-saliency-900/SD-saliency-900/Ground truth/In_1.png"
                + "\tsd-saliency-900/SD-saliency-900/Source Images/In_2.bmp"
                + "\tsd-saliency-900/SD-saliency-900/Ground truth/In_2.png\n");
        CliRun eval = CliRun.of("eval", "--model", runDir.resolve("model").toString(), "--episodes", list.toString(),
                "--data", data.toString(), "--normal", "3", "--every", "1", "--sweep", "0.2,0.7", "--detail", "96");
        assertEquals(0, eval.code(), eval.err() + eval.out());
        Matcher miou = Pattern.compile("mIoU (\\d+\\.\\d+)").matcher(eval.out());
        assertTrue(miou.find(), eval.out());
        double value = Double.parseDouble(miou.group(1));
        assertTrue(value >= 0 && value <= 100, eval.out());
        assertTrue(eval.out().contains("MT_Blowhole") && eval.out().contains("Steel_In"), eval.out());
        assertTrue(eval.out().contains("defect-free tiles 3"), eval.out());
        assertTrue(Pattern.compile("mIoU by threshold:  0\\.20 \\d+\\.\\d\\d  0\\.70 ").matcher(eval.out()).find(),
                eval.out());
    }

    @Test
    void pretrainAndBuildMatcherReplaceTheOldKeyValueRunner(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticData.writeDefect8i(data, 6, 32, 7);
        CliRun pretrain = CliRun.of("pretrain", "--data", data.toString(), "--fold", "0", "--out",
                dir.resolve("pre").toString(),
                "--backbone", "compact", "--size", "64", "--steps", "2", "--epoch-steps", "2",
                "--checkpoint-every", "2", "--batch", "2", "--validation", "2");
        assertEquals(0, pretrain.code(), pretrain.err() + pretrain.out());
        Path weights = dir.resolve("pre/backbone.safetensors");
        assertTrue(java.nio.file.Files.isRegularFile(weights), pretrain.out());

        CliRun matcher = CliRun.of("build-matcher", "--data", data.toString(), "--fold", "0", "--out",
                dir.resolve("m").toString(), "--backbone", "compact", "--weights", weights.toString(), "--size", "64",
                "--validation", "2", "--detail", "128", "--name", "tiny-matcher");
        assertEquals(0, matcher.code(), matcher.err() + matcher.out());
        io.defectstudio.inference.bundle.Manifest m = io.defectstudio.inference.bundle.ModelBundle.load(
                dir.resolve("m/model")).manifest();
        assertEquals("matcher", m.architecture());
        assertEquals("tiny-matcher", m.name());
        assertEquals(128, m.detail(), "the working scale is written into the bundle");

        CliRun recipe = CliRun.of("build-matcher", "--data", data.toString(), "--fold", "0", "--out",
                dir.resolve("r").toString(), "--backbone", "compact", "--weights", weights.toString(), "--size", "64",
                "--validation", "2");
        assertEquals(0, recipe.code(), recipe.err() + recipe.out());
        io.defectstudio.inference.bundle.Manifest shipped = io.defectstudio.inference.bundle.ModelBundle.load(
                dir.resolve("r/model")).manifest();
        assertEquals(960, shipped.detail(), "by default the shipped model's working scale");
        assertEquals(4, shipped.supportViews(), "and its support views");
    }

    @Test
    void missingInputsAreBadInput(@TempDir Path dir) {
        CliRun eval = CliRun.of("eval", "--model", dir.resolve("none").toString(), "--episodes", dir.toString(),
                "--data", dir.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, eval.code());
        assertTrue(eval.err().contains("no such file or folder"), eval.err());
        CliRun sweep = CliRun.of("eval", "--model", dir.toString(), "--episodes", dir.toString(), "--data",
                dir.toString(),
                "--sweep", "0.5,1.5");
        assertEquals(DefectStudioCli.BAD_INPUT, sweep.code());
        assertTrue(sweep.err().contains("(0, 1), got 1.5"), sweep.err());
        CliRun detail = CliRun.of("eval", "--model", dir.toString(), "--episodes", dir.toString(), "--data",
                dir.toString(),
                "--detail", "5");
        assertEquals(DefectStudioCli.BAD_INPUT, detail.code());
        assertTrue(detail.err().contains("detail must be"), detail.err());
        CliRun calibrate = CliRun.of("calibrate", "--model", dir.resolve("none").toString(), "--data", dir.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, calibrate.code());
        assertTrue(calibrate.err().contains("no such file or folder"), calibrate.err());
        CliRun train = CliRun.of("train", "--data", dir.resolve("none").toString(), "--out",
                dir.resolve("run").toString());
        assertEquals(DefectStudioCli.BAD_INPUT, train.code());
        CliRun arch = CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("run").toString(), "--arch",
                "unet");
        assertEquals(DefectStudioCli.BAD_INPUT, arch.code());
        assertTrue(arch.err().contains("unet"), arch.err());
        CliRun matcher = CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("run").toString(), "--arch",
                "matcher");
        assertEquals(DefectStudioCli.BAD_INPUT, matcher.code());
        assertTrue(matcher.err().contains("matcher is training-free"), matcher.err());
    }

    @Test
    void aDamagedModelOrEpisodeListIsBadInput(@TempDir Path dir) throws Exception {
        Path model = java.nio.file.Files.createDirectories(dir.resolve("model"));
        java.nio.file.Files.writeString(model.resolve("model.json"), "{\"formatVersion\": 1");
        Path list = java.nio.file.Files.writeString(dir.resolve("list.tsv"), "not a header\n");
        CliRun eval = CliRun.of("eval", "--model", model.toString(), "--episodes", list.toString(), "--data",
                dir.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, eval.code(), eval.err());
        assertTrue(eval.err().contains("model.json"), eval.err());
        Path shipped = io.defectstudio.app.engine.ShippedModel.extract(dir.resolve("shipped")).orElseThrow();
        CliRun list2 = CliRun.of("eval", "--model", shipped.toString(), "--episodes", list.toString(), "--data",
                dir.toString());
        assertEquals(DefectStudioCli.BAD_INPUT, list2.code(), list2.err());
        assertTrue(list2.err().contains("does not start with the header"), list2.err());
    }
}
