package io.defectstudio.training.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.NamedTensor;
import io.defectstudio.inference.bundle.Safetensors;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.loop.EpochSummary;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.loop.StepProgress;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.testdata.SyntheticData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackbonePretrainerTest {

    @TempDir
    static Path data;

    @TempDir
    Path work;

    @BeforeAll
    static void writeData() throws Exception {
        SyntheticData.writeDefect8i(data, 6, 32, 9);
    }

    @Test
    void lossDecreasesAndTheBestBackboneIsWritten() {
        List<StepProgress> steps = new ArrayList<>();
        List<EpochSummary> epochs = new ArrayList<>();
        PretrainConfig config = PretrainConfig.builder(work.resolve("ckpt"), work.resolve("backbone.safetensors"))
                .inputSize(32).batchSize(4).steps(48).stepsPerEpoch(16).checkpointEvery(0).learningRate(3e-3f)
                .weightDecay(0f).validationImages(12).seed(3).build();
        PretrainResult result = BackbonePretrainer.run(config, Defect8iSource.open(data), FoldSplit.defect8i(0),
                new TrainingListener() {
                    @Override
                    public void onStep(StepProgress progress) {
                        steps.add(progress);
                    }

                    @Override
                    public void onEpoch(EpochSummary summary) {
                        epochs.add(summary);
                    }
                });
        assertEquals(48, result.losses().size());
        double first = mean(result.losses().subList(0, 8));
        double last = mean(result.losses().subList(40, 48));
        assertTrue(last < 0.7 * first, "loss fell from " + first + " to " + last);
        assertEquals(3, epochs.size());
        assertTrue(result.bestValidationIou() > 0, "held-out IoU " + result.bestValidationIou());
        assertEquals(48, steps.get(47).step());
        assertTrue(steps.get(0).learningRate() > steps.get(47).learningRate(), "poly decay");
        assertTrue(Files.isRegularFile(result.weights()));
        assertFalse(Safetensors.read(result.weights()).isEmpty());
    }

    @Test
    void stagesBeforeTuneFromKeepTheirStartingWeights() {
        // Same seed, so the same starting weights: runs of 4 and 8 steps share the frozen stages and not the others.
        for (int tuneFrom : new int[] {0, 3}) {
            Map<String, NamedTensor> shorter = pretrained(tuneFrom, 4);
            Map<String, NamedTensor> longer = pretrained(tuneFrom, 8);
            for (String name : shorter.keySet()) {
                boolean same = Arrays.equals(shorter.get(name).values(), longer.get(name).values());
                boolean frozen = tuneFrom == 3 && !name.contains("layer3") && !name.contains("layer4");
                if (name.endsWith("weight")) {
                    assertEquals(frozen, same, "tuneFrom " + tuneFrom + ": " + name);
                }
            }
        }
    }

    private Map<String, NamedTensor> pretrained(int tuneFrom, long steps) {
        Path dir = work.resolve("tune" + tuneFrom + "-" + steps);
        PretrainConfig config = PretrainConfig.builder(dir.resolve("ckpt"), dir.resolve("backbone.safetensors"))
                .inputSize(32).batchSize(4).steps(steps).stepsPerEpoch(steps).checkpointEvery(0)
                .optimizer(OptimizerKind.SGD).learningRate(0.05f).validationImages(6).seed(5).tuneFrom(tuneFrom)
                .build();
        return Safetensors.read(BackbonePretrainer.run(config, Defect8iSource.open(data), FoldSplit.defect8i(0),
                TrainingListener.NONE).weights());
    }

    @Test
    void sameSeedGivesTheSameLossesAndWeights() {
        PretrainResult a = BackbonePretrainer.run(PretrainProbe.config(work.resolve("a"), work.resolve("a.st"), 6),
                Defect8iSource.open(data), FoldSplit.defect8i(0), TrainingListener.NONE);
        PretrainResult b = BackbonePretrainer.run(PretrainProbe.config(work.resolve("b"), work.resolve("b.st"), 6),
                Defect8iSource.open(data), FoldSplit.defect8i(0), TrainingListener.NONE);
        assertEquals(a.losses(), b.losses());
        var wa = Safetensors.read(a.weights());
        var wb = Safetensors.read(b.weights());
        wa.forEach((name, t) -> assertArrayEquals(t.values(), wb.get(name).values(), name));
        PretrainConfig other = PretrainConfig.builder(work.resolve("c"), work.resolve("c.st")).inputSize(32)
                .batchSize(4).steps(6).stepsPerEpoch(4).checkpointEvery(2).optimizer(OptimizerKind.SGD)
                .learningRate(0.05f).validationImages(6).seed(8).build();
        PretrainResult c = BackbonePretrainer.run(other, Defect8iSource.open(data), FoldSplit.defect8i(0),
                TrainingListener.NONE);
        assertNotEquals(a.losses(), c.losses(), "another seed trains differently");
    }

    @Test
    void aRunKilledWithSigkillResumesAsIfNeverStopped() throws Exception {
        long steps = 12;
        Path straight = work.resolve("straight");
        Process uninterrupted = probe(straight, steps);
        drain(uninterrupted, -1);
        assertEquals(0, uninterrupted.waitFor());

        Path killed = work.resolve("killed");
        Process victim = probe(killed, steps);
        drain(victim, 6);
        victim.destroyForcibly();
        victim.waitFor(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(killed.resolve("losses.txt")), "killed before the end");
        assertTrue(Files.exists(killed.resolve("ckpt/last.safetensors")));

        Process resumed = probe(killed, steps);
        drain(resumed, -1);
        assertEquals(0, resumed.waitFor());

        assertEquals(Files.readAllLines(straight.resolve("losses.txt")),
                Files.readAllLines(killed.resolve("losses.txt")));
        var expected = Safetensors.read(straight.resolve("backbone.safetensors"));
        var actual = Safetensors.read(killed.resolve("backbone.safetensors"));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, t) -> assertArrayEquals(t.values(), actual.get(name).values(), name));
    }

    private static Process probe(Path dir, long steps) throws Exception {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath, "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                PretrainProbe.class.getName(), data.toString(), dir.resolve("ckpt").toString(),
                dir.resolve("backbone.safetensors").toString(), dir.resolve("losses.txt").toString(),
                Long.toString(steps));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the child's output until it announces a checkpoint at or after {@code untilStep} (-1: until EOF). */
    private static void drain(Process process, long untilStep) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()));
        StringBuilder log = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            log.append(line).append('\n');
            if (untilStep >= 0 && line.startsWith("CHECKPOINT ")
                    && Long.parseLong(line.substring(11).strip()) >= untilStep) {
                return;
            }
        }
        assertEquals(-1, untilStep, "child ended early:\n" + log);
        if (process.waitFor() != 0) {
            throw new AssertionError("child failed:\n" + log);
        }
    }

    private static double mean(List<Float> values) {
        return values.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    }
}
