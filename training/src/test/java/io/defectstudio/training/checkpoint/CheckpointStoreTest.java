package io.defectstudio.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.defectstudio.inference.engine.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @Test
    void aTruncatedCheckpointSaysItIsTruncated(@TempDir Path dir) throws Exception {
        EngineSetup.prepare();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(4).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 8));
            CheckpointStore store = new CheckpointStore(dir);
            store.save(new RunState("run", 5, List.of(0.5f), List.of(0.1), 0.1, 4), block, new NDList());
            byte[] whole = Files.readAllBytes(store.lastFile());
            Files.write(store.lastFile(), Arrays.copyOf(whole, whole.length / 2));
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> store.restore("run", block, manager));
            assertTrue(e.getMessage().contains("truncated") && !e.getMessage().contains("null"), e.getMessage());
        }
    }
}
