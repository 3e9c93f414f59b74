package io.defectstudio.training.runner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.ModelBundleException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunnerTest {

    @TempDir
    Path dir;

    @Test
    void anOptionTheCommandDoesNotReadIsRefusedBeforeAnyWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRunner.main(
                new String[] {"eval", "model=" + dir.resolve("none"), "episodes=x.tsv", "data=" + dir, "swep=0.3"}));
        assertTrue(e.getMessage().contains("eval does not take [swep]"), e.getMessage());
        assertTrue(e.getMessage().contains("sweep"), "lists what it does read: " + e.getMessage());

        IllegalArgumentException calibrate = assertThrows(IllegalArgumentException.class, () -> TrainingRunner.main(
                new String[] {"calibrate", "model=m", "data=" + dir, "limit=3"}));
        assertTrue(calibrate.getMessage().contains("calibrate does not take [limit]"), calibrate.getMessage());
    }

    @Test
    void withKnownOptionsTheCommandRuns() {
        // It gets as far as the bundle, which does not exist.
        assertThrows(ModelBundleException.class, () -> TrainingRunner.main(
                new String[] {"eval", "model=" + dir.resolve("none"), "episodes=x.tsv", "data=" + dir, "sweep=0.3"}));
    }
}
