package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.defectstudio.inference.testing.Gates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract tests every few-shot network must pass (compact backbone, 64x64 inputs). */
class FewShotNetsTest {

    private static final int S = Episodes.SIZE;

    private static FewShotNet initialised(String architecture, NDManager manager, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        FewShotNet net = Architectures.create(architecture, Backbones.builder().optName("tiny").optStemChannels(8)
                .optUnits(1, 1, 1, 1).optWidths(8, 16, 32, 64).build(), 16);
        net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(S, S, 1));
        return net;
    }

    private static NDList run(FewShotNet net, NDManager manager, NDArray queries, NDList support, boolean training) {
        return net.forward(new ParameterStore(manager, false),
                new NDList(queries, support.get(0), support.get(1)), training);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher", "lerenet-no-mpr", "lerenet-no-mpe",
        "lerenet-no-mpr-mpe"})
    void outputIsOneLogitMapAtInputSizeForOneAndFiveShots(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 1);
            for (int shots : new int[] {1, 5}) {
                NDList out = run(net, manager, Episodes.queries(manager, 2), Episodes.support(manager, 2, shots),
                        false);
                assertEquals(new Shape(2, 1, S, S), out.get(0).getShape(), architecture + " " + shots + "-shot");
                assertFalse(out.get(0).isNaN().any().getBoolean(), "NaN logits");
            }
            Shape[] predicted = net.getOutputShapes(new Shape[] {new Shape(2, 3, S, S)});
            assertEquals(new Shape(2, 1, S, S), predicted[0]);
            assertEquals(architecture, net.architecture());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet-no-mpr", "lerenet-no-mpe", "lerenet-no-mpr-mpe"})
    void anAblatedLereNetComputesWithoutTheRemovedModule(String ablation) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet full = initialised("lerenet", manager, 4);
            FewShotNet ablated = initialised(ablation, manager, 4);
            Gates.open(full);
            Gates.open(ablated);
            NDArray queries = Episodes.queries(manager, 1);
            NDList support = Episodes.support(manager, 1, 1);
            NDArray a = run(full, manager, queries, support, false).get(0);
            NDArray b = run(ablated, manager, queries, support, false).get(0);
            assertTrue(a.sub(b).abs().max().getFloat() > 1e-4f, ablation + " computes the same as LERENet");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void oddSizesAndEmptyMasksGiveFiniteLogitsAtInputSize(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 9);
            NDArray queries = manager.randomNormal(new Shape(1, 3, 70, 90));
            NDList support = new NDList(manager.randomNormal(new Shape(1, 2, 3, 70, 90)),
                    manager.zeros(new Shape(1, 2, 1, 70, 90)));
            NDArray logits = run(net, manager, queries, support, false).get(0);
            assertEquals(new Shape(1, 1, 70, 90), logits.getShape());
            assertFalse(logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean(), "non-finite");
            if (architecture.equals("matcher")) {
                assertFalse(logits.gt(0f).any().getBoolean(), "no support defect, so no predicted defect");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher", "lerenet-no-mpr", "lerenet-no-mpe",
        "lerenet-no-mpr-mpe"})
    void gradientsReachEveryTrainableParameter(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 2);
            Gates.open(net);
            List<String> missing = new ArrayList<>();
            int trainable = 0;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = run(net, manager, Episodes.queries(manager, 2), Episodes.support(manager, 2, 2), true);
                NDArray loss = out.get(0).mul(manager.randomNormal(out.get(0).getShape())).sum();
                for (int i = 1; i < out.size(); i++) {
                    loss = loss.add(out.get(i).mul(manager.randomNormal(out.get(i).getShape())).sum());
                }
                collector.backward(loss);
                for (Pair<String, Parameter> p : net.getParameters()) {
                    if (!p.getValue().requiresGradient()) {
                        continue;
                    }
                    trainable++;
                    NDArray grad = p.getValue().getArray().getGradient();
                    if (grad.abs().sum().getFloat() == 0f) {
                        missing.add(p.getKey());
                    }
                }
            }
            assertTrue(trainable > 0, "no trainable parameters");
            assertTrue(missing.isEmpty(), architecture + ": no gradient for " + missing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher", "lerenet-no-mpr", "lerenet-no-mpe",
        "lerenet-no-mpr-mpe"})
    void savedParametersRestoreIdenticalOutputs(String architecture) throws IOException, MalformedModelException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet original = initialised(architecture, manager, 3);
            NDArray queries = Episodes.queries(manager, 2);
            NDList support = Episodes.support(manager, 2, 2);
            NDArray expected = run(original, manager, queries, support, false).get(0);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(bytes));

            FewShotNet other = initialised(architecture, manager, 4);
            NDArray before = run(other, manager, queries, support, false).get(0);
            assertFalse(before.contentEquals(expected), "another seed should give other weights");
            FewShotNet restored = Architectures.create(architecture, Backbones.builder().optName("tiny")
                    .optStemChannels(8).optUnits(1, 1, 1, 1).optWidths(8, 16, 32, 64).build(), 16);
            restored.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertTrue(run(restored, manager, queries, support, false).get(0).contentEquals(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void fixedSeedGivesIdenticalOutputs(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray queries = Episodes.queries(manager, 1);
            NDList support = Episodes.support(manager, 1, 1);
            NDArray first = run(initialised(architecture, manager, 7), manager, queries, support, false).get(0);
            NDArray second = run(initialised(architecture, manager, 7), manager, queries, support, false).get(0);
            assertTrue(first.contentEquals(second));
        }
    }

    /**
     * The learned networks start as the training-free matcher on the same backbone (their gate is closed), so meta-
     * training can only move them away from it where the training episodes justify it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet"})
    void untrainedHeadSegmentsLikeTheMatcherOnTheSameBackbone(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 13);
            FewShotNet matcher = Architectures.create("matcher", net.backbone(), 16);
            NDArray queries = Episodes.queries(manager, 2);
            NDList support = Episodes.support(manager, 2, 1);
            NDArray learned = run(net, manager, queries, support, false).get(0);
            NDArray plain = run(matcher, manager, queries, support, false).get(0);
            float agreement = learned.gt(0f).eq(plain.gt(0f)).toType(DataType.FLOAT32, false).mean().getFloat();
            assertTrue(agreement > 0.97f, architecture + " agrees with the matcher on " + agreement + " of pixels");
            float apart = learned.getNDArrayInternal().sigmoid().sub(plain.getNDArrayInternal().sigmoid()).abs()
                    .mean().getFloat();
            assertTrue(apart < 0.03f, architecture + ": mean probability difference " + apart);
            Gates.open(net);
            NDArray opened = run(net, manager, queries, support, false).get(0);
            assertFalse(opened.allClose(learned, 1e-2, 1e-2, false), "an open gate lets the head change the output");
        }
    }

    /** A model trained 1-shot must not change its scale at 5 shots: EAMNet once summed its shots' prototypes. */
    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void fiveCopiesOfOneShotSegmentLikeThatShot(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 12);
            NDArray queries = Episodes.queries(manager, 2);
            NDList one = Episodes.support(manager, 1, 1);
            NDList five = new NDList(one.get(0).repeat(1, 5), one.get(1).repeat(1, 5));
            NDArray single = run(net, manager, queries, one, false).get(0);
            NDArray repeated = run(net, manager, queries, five, false).get(0);
            assertTrue(single.allClose(repeated, 1e-3, 1e-3, false), architecture + ": 5 copies differ from 1 shot by "
                    + single.sub(repeated).abs().max().getFloat());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void encodedSupportDecodesLikeTheFullForwardAndBroadcastsOverQueries(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 5);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray queries = Episodes.queries(manager, 3);
            NDList support = Episodes.support(manager, 1, 3);
            NDList encoded = net.encodeSupport(ps, support.get(0), support.get(1), false);
            NDArray batched = net.decode(ps, queries, encoded, false).get(0);
            for (int i = 0; i < 3; i++) {
                NDArray one = queries.get(i).expandDims(0);
                NDArray full = run(net, manager, one, support, false).get(0);
                NDArray row = batched.get(i).expandDims(0);
                assertTrue(full.allClose(row, 1e-3, 1e-3, false), architecture + ": query " + i
                        + " differs between batched decode and full forward by "
                                + full.sub(row).abs().max().getFloat());
            }
            NDList twoSupports = net.encodeSupport(ps, Episodes.support(manager, 2, 1).get(0),
                    Episodes.support(manager, 2, 1).get(1), false);
            assertThrows(IllegalArgumentException.class, () -> net.decode(ps, queries, twoSupports, false));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void encodeAndDecodeLeaveOnlyTheirOutputsInTheCallersScope(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 8);
            ParameterStore ps = new ParameterStore(manager, false);
            boolean[] modes = {false, true};
            NDManager[] scopes = {manager.newSubManager(), manager.newSubManager()};
            // Capped: a temporary attached to the parameters' manager instead of the caller's scope throws at once.
            manager.cap();
            for (int m = 0; m < modes.length; m++) {
                boolean training = modes[m];
                try (NDManager scope = scopes[m]) {
                    NDArray queries = Episodes.queries(scope, 2);
                    NDList support = Episodes.support(scope, 2, 2);
                    int inputs = scope.getManagedArrays().size();
                    NDList encoded = net.encodeSupport(ps, support.get(0), support.get(1), training);
                    NDList out = net.decode(ps, queries, encoded, training);
                    assertEquals(inputs + encoded.size() + out.size(), scope.getManagedArrays().size(),
                            architecture + (training ? " training" : " inference") + " left temporaries behind");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline", "matcher"})
    void malformedSupportIsRejected(String architecture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = initialised(architecture, manager, 6);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList support = Episodes.support(manager, 1, 2);
            NDArray wrongMasks = manager.zeros(new Shape(1, 1, 1, S, S));
            assertThrows(IllegalArgumentException.class,
                    () -> net.encodeSupport(ps, support.get(0), wrongMasks, false));
            NDList encoded = net.encodeSupport(ps, support.get(0), support.get(1), false);
            NDArray otherSize = manager.randomNormal(new Shape(1, 3, 2 * S, 2 * S));
            if (architecture.equals("matcher") || architecture.equals("eamnet")) {
                // Prototypes and max-cosine priors compare vectors, not positions: any query size works.
                assertEquals(new Shape(1, 1, 2 * S, 2 * S), net.decode(ps, otherSize, encoded,
                        false).get(0).getShape());
            } else {
                assertThrows(IllegalArgumentException.class, () -> net.decode(ps, otherSize, encoded, false));
            }
        }
    }
}
