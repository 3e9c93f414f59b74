package io.defectstudio.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.defectstudio.training.backbone.BackbonePretrainer;
import io.defectstudio.training.backbone.PretrainConfig;
import io.defectstudio.training.backbone.PretrainResult;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.loop.StepProgress;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.testdata.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after a checkpoint and resumed (with Adam state) continues exactly, even when the garbage collector
 * runs between steps: restored tensors must not share memory with collectable Java buffers (that corrupted the
 * native heap of a real resumed run).
 */
class ResumeUnderGcTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedAdamRunResumesExactlyUnderGarbageCollection() throws Exception {
        Path data = dir.resolve("data");
        SyntheticData.writeDefect8i(data, 6, 32, 9);
        PretrainResult straight = BackbonePretrainer.run(config(dir.resolve("a")), Defect8iSource.open(data),
                FoldSplit.defect8i(0), TrainingListener.NONE);

        PretrainConfig interrupted = config(dir.resolve("b"));
        assertThrows(IllegalStateException.class, () -> BackbonePretrainer.run(interrupted,
                Defect8iSource.open(data), FoldSplit.defect8i(0), new TrainingListener() {
                    @Override
                    public void onCheckpoint(String phase, long step, Path file) {
                        if (step == 4) {
                            throw new IllegalStateException("stopped after the checkpoint at step 4");
                        }
                    }
                }));
        PretrainResult resumed = BackbonePretrainer.run(interrupted, Defect8iSource.open(data),
                FoldSplit.defect8i(0), new TrainingListener() {
                    @Override
                    public void onStep(StepProgress progress) {
                        byte[][] garbage = new byte[64][];
                        for (int i = 0; i < garbage.length; i++) {
                            garbage[i] = new byte[1 << 20];
                        }
                        System.gc();
                    }
                });
        assertEquals(straight.losses(), resumed.losses());
        assertEquals(-1L, Files.mismatch(dir.resolve("a/out.st"), dir.resolve("b/out.st")), "identical weights");
    }

    private static PretrainConfig config(Path dir) {
        return PretrainConfig.builder(dir.resolve("ckpt"), dir.resolve("out.st")).inputSize(32).batchSize(4)
                .steps(8).stepsPerEpoch(4).checkpointEvery(2).validationImages(6).seed(7).build();
    }
}
