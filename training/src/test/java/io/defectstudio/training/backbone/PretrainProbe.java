package io.defectstudio.training.backbone;

import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.loop.OptimizerKind;
import io.defectstudio.training.loop.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A child-JVM entry point for the kill-and-resume test: pre-trains on a synthetic data set, announces every
 * checkpoint on stdout, and writes the loss sequence (exact float bits) when it finishes.
 * Arguments: dataDir checkpointDir outputWeights lossFile steps.
 */
public final class PretrainProbe {

    private PretrainProbe() {
    }

    public static void main(String[] args) throws Exception {
        PretrainConfig config = config(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[4]));
        PretrainResult result = BackbonePretrainer.run(config, Defect8iSource.open(Path.of(args[0])),
                FoldSplit.defect8i(0), new TrainingListener() {
                    @Override
                    public void onCheckpoint(String phase, long step, Path file) {
                        System.out.println("CHECKPOINT " + step);
                        System.out.flush();
                    }
                });
        Files.writeString(Path.of(args[3]), result.losses().stream()
                .map(l -> Integer.toHexString(Float.floatToIntBits(l))).collect(Collectors.joining("\n")));
    }

    static PretrainConfig config(Path checkpoints, Path output, long steps) {
        return PretrainConfig.builder(checkpoints, output).inputSize(32).batchSize(4).steps(steps).stepsPerEpoch(4)
                .checkpointEvery(2).optimizer(OptimizerKind.SGD).learningRate(0.05f).validationImages(6).seed(7)
                .build();
    }
}
