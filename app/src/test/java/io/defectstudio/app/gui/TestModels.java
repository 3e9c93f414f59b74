package io.defectstudio.app.gui;

import ai.djl.ndarray.NDManager;
import io.defectstudio.app.engine.Engines;
import io.defectstudio.app.engine.ShippedModel;
import io.defectstudio.app.workspace.EngineFactory;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The model GUI tests segment with: the shipped bundle from the resources module when it is on the class path, else a
 * freshly initialised prototype-matching network (parameter-free head) written as a real bundle, so the tests always
 * run the real DJL path.
 */
final class TestModels {
    private TestModels() {
    }

    static Path bundle(Path dir) throws Exception {
        Optional<Path> shipped = ShippedModel.extract(dir.resolve("shipped"));
        if (shipped.isPresent()) {
            return shipped.get();
        }
        Path target = dir.resolve("matcher");
        EngineSetup.prepare();
        Manifest m = Manifest.builder().setArchitecture("matcher").setBackbone("compact").optName("test-matcher")
                .optVersion("1").optInputSize(200, 200)
                .optTraining(new Manifest.Training(List.of("none"), List.of("none"), "untrained test bundle"))
                .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = Architectures.create("matcher", "compact");
            NetworkLoader.initialize(net, manager, 200, 200);
            ModelBundleWriter.write(target, m, net, Manifest.Precision.FLOAT32);
        }
        return target;
    }

    static EngineFactory factory(Path bundle) {
        return (project, detail, onProblem) -> Optional.of(Engines.open(bundle, detail));
    }

    static EngineFactory none() {
        return (project, detail, onProblem) -> Optional.empty();
    }
}
