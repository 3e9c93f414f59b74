package io.defectstudio.inference.testing;

import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkFactory;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes randomly initialised bundles of the real networks on small inputs. */
public final class TestBundles {

    /** Real networks, each wrapped in a {@link CountingNet}. */
    public static final NetworkFactory COUNTING = (a, b) -> new CountingNet(Architectures.create(a, b));

    private TestBundles() {}

    public static Manifest manifest(String architecture, int inputSize) {
        return Manifest.builder().setArchitecture(architecture).setBackbone("compact").optName("test")
                .optVersion("1").optInputSize(inputSize, inputSize)
                .optTraining(new Manifest.Training(List.of("scratch"), List.of("synthetic"), ""))
                .optMetric("mIoU", 0.5).build();
    }

    /** A bundle of {@code factory}'s network for {@code architecture} on the compact backbone. */
    public static Manifest write(Path target, String architecture, int inputSize, Manifest.Precision precision,
            NetworkFactory factory) throws IOException {
        EngineSetup.prepare();
        Manifest m = manifest(architecture, inputSize);
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = factory.create(architecture, "compact");
            NetworkLoader.initialize(net, manager, inputSize, inputSize);
            return ModelBundleWriter.write(target, m, net, precision);
        }
    }

    /** A bundle of the standard network. */
    public static Manifest write(Path target, String architecture, int inputSize, Manifest.Precision precision)
            throws IOException {
        return write(target, architecture, inputSize, precision, Architectures::create);
    }
}
