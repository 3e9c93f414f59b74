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

/** The shipped model must fit a 25 MB download: its network, FeatureMatcher on MobileNetV2, stored as float32. */
class BundleSizeTest {

    private static final long LIMIT = 25L * 1000 * 1000;

    @Test
    void theShippedNetworkFitsIn25MegabytesAsOneFile(@TempDir Path dir) throws IOException {
        EngineSetup.prepare();
        Path file = dir.resolve("matcher-mobilenet.dsmodel");
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create("matcher", "mobilenet_v2_mid");
            NetworkLoader.initialize(net, manager, 320, 320);
            Manifest m = Manifest.builder().setArchitecture("matcher").setBackbone("mobilenet_v2_mid")
                    .optInputSize(320, 320).optDetail(960).build();
            Manifest written = ModelBundleWriter.write(file, m, net, Manifest.Precision.FLOAT32);
            assertEquals(Manifest.Precision.FLOAT32, written.weights().precision());
        }
        long size = Files.size(file);
        assertTrue(size < LIMIT, "bundle is " + size + " bytes");
        assertEquals(960, ModelBundle.load(file).manifest().detail());
    }
}
