package io.defectstudio.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
