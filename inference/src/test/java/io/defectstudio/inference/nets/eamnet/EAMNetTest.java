package io.defectstudio.inference.nets.eamnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.FewShotNet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EAMNetTest {

    private static final int S = 64;

    @Test
    void backboneIsFrozenAndKeepsItsStatisticsWhileTheHeadTrains() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            EAMNet net = new EAMNet(Backbones.builder().optName("tiny").optStemChannels(8).optUnits(1, 1, 1, 1)
                    .optWidths(8, 16, 32, 64).build(), 16);
            net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(S, S, 1));
            for (Pair<String, Parameter> p : net.backbone().getParameters()) {
                assertFalse(p.getValue().requiresGradient(), p.getKey() + " should be frozen");
            }
            List<NDArray> before = new ArrayList<>();
            for (Pair<String, Parameter> p : net.backbone().getParameters()) {
                before.add(p.getValue().getArray().duplicate());
            }
            NDArray masks = manager.zeros(new Shape(2, 1, 1, S, S));
            masks.set(new NDIndex(":, :, :, 10:30, 20:40"), 1f);
            NDList out;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                out = net.forward(new ParameterStore(manager, false), new NDList(
                        manager.randomNormal(new Shape(2, 3, S, S)),
                        manager.randomNormal(new Shape(2, 1, 3, S, S)), masks), true);
                collector.backward(out.get(0).mean().add(out.get(1).mean()));
            }
            assertEquals(2, out.size());
            assertEquals(new Shape(2, 1, S / 4, S / 4), out.get(1).getShape(), "attention map at layer1 size");
            assertEquals(out.get(1).getShape(), net.getOutputShapes(new Shape[] {new Shape(2, 3, S, S)})[1]);
            int i = 0;
            for (Pair<String, Parameter> p : net.backbone().getParameters()) {
                assertTrue(before.get(i++).contentEquals(p.getValue().getArray()), p.getKey() + " changed");
            }
        }
    }
}
