package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.defectstudio.inference.testing.Gates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The networks learn through a standard DJL Trainer, and the matcher segments without training. */
class FewShotNetsTrainingTest {

    private static final int S = Episodes.SIZE;

    private static Backbone tinyBackbone() {
        return Backbones.builder().optName("tiny").optStemChannels(8).optUnits(1, 1, 1, 1).optWidths(8, 16, 32, 64)
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lerenet", "eamnet", "baseline"})
    void bceLossFallsWhenFittingOneEpisode(String architecture) {
        Engine.getInstance().setRandomSeed(21);
        Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(bce)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build());
        try (Model model = Model.newInstance(architecture)) {
            model.setBlock(Architectures.create(architecture, tinyBackbone(), 16));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(FewShotNet.inputShapes(S, S, 1));
                Gates.open(model.getBlock());
                NDManager manager = trainer.getManager();
                NDList support = Episodes.support(manager, 2, 1);
                // The query is the support image itself: an episode the network can fit in a few steps.
                NDArray query = support.get(0).squeeze(1);
                NDArray target = support.get(1).squeeze(1);
                float first = 0;
                float last = 0;
                for (int step = 0; step < 12; step++) {
                    try (NDManager scope = manager.newSubManager();
                            GradientCollector collector = trainer.newGradientCollector()) {
                        scope.tempAttachAll(query, target, support);
                        NDList out = trainer.forward(new NDList(query, support.get(0), support.get(1)));
                        NDArray loss = bce.evaluate(new NDList(target), new NDList(out.get(0)));
                        collector.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                assertTrue(last < 0.6f * first, architecture + ": BCE " + first + " -> " + last);
            }
        }
    }

    @Test
    void matcherFindsTheSupportDefectInAnIdenticalQueryWithoutTraining() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(22);
            FewShotNet matcher = Architectures.create("matcher", tinyBackbone(), 1);
            matcher.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(S, S, 1));
            NDList support = Episodes.support(manager, 1, 1);
            NDArray query = support.get(0).squeeze(1);
            NDArray truth = support.get(1).squeeze(1);
            NDArray predicted = matcher.forward(new ParameterStore(manager, false),
                    new NDList(query, support.get(0), support.get(1)), false).get(0).gt(0f);
            NDArray defect = truth.gt(0.5f);
            float intersection = predicted.logicalAnd(defect).sum().getLong();
            float union = predicted.logicalOr(defect).sum().getLong();
            assertTrue(intersection / union > 0.6f, "IoU " + intersection / union);
        }
    }
}
