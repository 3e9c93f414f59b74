package io.defectstudio.inference.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.bundle.ModelBundleException;
import io.defectstudio.inference.bundle.WeightsFile;
import io.defectstudio.inference.nets.FewShotNet;

/** Builds a bundle's network and fills it with the bundle's weights (for inference, evaluation or fine-tuning). */
public final class NetworkLoader {

    private NetworkLoader() {}

    /**
     * Creates, initialises on {@code manager}'s device and loads the network of a bundle. The weights are checked
     * (size, checksum, header, parameter names and shapes) before any of them reaches the engine.
     */
    public static FewShotNet load(ModelBundle bundle, NDManager manager, NetworkFactory factory) {
        Manifest m = bundle.manifest();
        WeightsFile weights = bundle.readWeights();
        FewShotNet net = create(m, factory);
        initialize(net, manager, m.inputWidth(), m.inputHeight());
        ParameterCodec.load(weights, net, bundle.location().resolve(m.weights().file()).toString());
        return net;
    }

    /** Builds the manifest's network, uninitialised. */
    public static FewShotNet create(Manifest m, NetworkFactory factory) {
        FewShotNet net;
        try {
            net = factory.create(m.architecture(), m.backbone());
        } catch (IllegalArgumentException e) {
            throw new ModelBundleException("model.json names a network this build cannot create: " + e.getMessage(),
                    e);
        }
        if (!net.architecture().equals(m.architecture())) {
            throw new ModelBundleException("architecture mismatch: model.json says " + m.architecture()
                    + " but the factory built " + net.architecture());
        }
        return net;
    }

    /** Initialises parameters for a one-shot episode at the given input size (shapes do not depend on K). */
    public static void initialize(FewShotNet net, NDManager manager, int width, int height) {
        net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(height, width, 1));
    }
}
