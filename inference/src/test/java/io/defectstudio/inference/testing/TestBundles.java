package io.defectstudio.inference.testing;

import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkFactory;
import io.defectstudio.inference.engine.NetworkLoader;
import java.io.IOException;
import java.nio.file.Path;

/** Writes randomly initialised bundles of the test network. */
public final class TestBundles {

    public static final NetworkFactory FACTORY = PrototypeNet::new;

    private TestBundles() {}

    public static Manifest manifest(String architecture, int inputSize) {
        return Manifest.builder().setArchitecture(architecture).setBackbone("compact").optName("test")
                .optVersion("1").optInputSize(inputSize, inputSize)
                .optTraining(new Manifest.Training(java.util.List.of("scratch"), java.util.List.of("synthetic"), ""))
                .optMetric("mIoU", 0.5).build();
    }

    public static Manifest write(Path target, String architecture, int inputSize, Manifest.Precision precision)
            throws IOException {
        EngineSetup.prepare();
        Manifest m = manifest(architecture, inputSize);
        try (NDManager manager = NDManager.newBaseManager()) {
            PrototypeNet net = new PrototypeNet(architecture, "compact");
            NetworkLoader.initialize(net, manager, inputSize, inputSize);
            return ModelBundleWriter.write(target, m, net, precision);
        }
    }
}
