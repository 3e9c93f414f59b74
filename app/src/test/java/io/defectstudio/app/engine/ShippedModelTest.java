package io.defectstudio.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedModelTest {

    @Test
    void aDamagedExtractedCopyIsExtractedAgain(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("models/default");
        Path bundle = ShippedModel.extract(target).orElseThrow();
        String sha = ModelBundle.load(bundle).manifest().weights().sha256();
        Path weights = bundle.resolve(ModelBundle.load(bundle).manifest().weights().file());
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(weights, bytes);

        ShippedModel.extract(target);
        assertEquals(sha, ModelBundle.sha256(Files.readAllBytes(weights)), "the flipped byte is repaired");
        assertEquals(sha, ModelBundle.load(bundle).manifest().weights().sha256());

        Files.write(weights, new byte[10]);
        ShippedModel.extract(target);
        assertEquals(sha, ModelBundle.load(bundle).manifest().weights().sha256(), "a truncated copy too");
    }

    /** An upgrade from a release whose default held weights.dsw leaves no 14 MB of old weights behind. */
    @Test
    void anEarlierReleasesWeightsAreRemovedWhenTheNewOnesAreExtracted(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("models/default");
        Files.createDirectories(target);
        Files.writeString(target.resolve(ModelBundle.MANIFEST_FILE), "{\"an\": \"older manifest\"}");
        Files.write(target.resolve("weights.dsw"), new byte[] {1, 2, 3});
        Files.writeString(target.resolve("README.md"), "kept");

        Path bundle = ShippedModel.extract(target).orElseThrow();
        assertFalse(Files.exists(target.resolve("weights.dsw")));
        assertTrue(Files.exists(target.resolve("README.md")));
        assertEquals(ModelBundle.load(bundle).manifest().weights().sha256(), ModelBundle.sha256(
                Files.readAllBytes(bundle.resolve(ModelBundle.load(bundle).manifest().weights().file()))));
    }
}
