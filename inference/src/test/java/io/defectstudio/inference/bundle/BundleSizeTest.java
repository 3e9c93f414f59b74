package io.defectstudio.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model must fit a 25 MB download: LERENet on ResNet-18 stored as float16. */
class BundleSizeTest {

    private static final long LIMIT = 25L * 1000 * 1000;

    @Test
    void float16LereNetOnResNet18FitsIn25MegabytesAsOneFile(@TempDir Path dir) throws IOException {
        EngineSetup.prepare();
        Path file = dir.resolve("lerenet-resnet18.dsmodel");
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create("lerenet", "resnet18");
            NetworkLoader.initialize(net, manager, 200, 200);
            Manifest m = Manifest.builder().setArchitecture("lerenet").setBackbone("resnet18").build();
            Manifest written = ModelBundleWriter.write(file, m, net, Manifest.Precision.FLOAT16);
            assertEquals(Manifest.Precision.FLOAT16, written.weights().precision());
        }
        long size = Files.size(file);
        assertTrue(size < LIMIT, "bundle is " + size + " bytes");
        assertEquals("lerenet", ModelBundle.load(file).manifest().architecture());
    }
}
