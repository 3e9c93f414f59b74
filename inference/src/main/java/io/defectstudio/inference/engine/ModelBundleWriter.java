package io.defectstudio.inference.engine;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.nets.FewShotNet;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a trained network and its manifest as a model bundle (folder, or zip for {@code .dsmodel}/{@code .zip}). */
public final class ModelBundleWriter {

    private ModelBundleWriter() {}

    /**
     * @param manifest architecture/backbone must match {@code net}; its weights entry is computed here
     * @param precision {@code FLOAT16} halves the file (a ResNet-18 model then fits 25 MB)
     * @return the manifest as written, with size and checksum
     */
    public static Manifest write(Path target, Manifest manifest, FewShotNet net, Manifest.Precision precision)
            throws IOException {
        if (!net.architecture().equals(manifest.architecture())) {
            throw new IllegalArgumentException("the network is " + net.architecture() + " but the manifest says "
                    + manifest.architecture());
        }
        return ModelBundle.write(target, manifest,
                ParameterCodec.toWeights(net, manifest.architecture(), manifest.backbone(), precision));
    }
}
