package io.defectstudio.inference.nets.matcher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.ConvBlocks;
import io.defectstudio.inference.nets.FeatureOps;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.MatchRefiner;
import io.defectstudio.inference.nets.MatchingPrior;

/**
 * The {@link FeatureMatcher} with a learned, class-agnostic {@link MatchRefiner} and a learned temperature: meta-trained,
 * but only on similarity evidence.
 */
public final class RefinedMatcher extends FewShotNet {

    private static final byte VERSION = 1;

    private final Backbone backbone;
    private final MatchingPrior matching;
    private final MatchRefiner refiner;

    public RefinedMatcher(Backbone backbone) {
        super(VERSION);
        this.backbone = addChildBlock("backbone", backbone);
        matching = addChildBlock("matching", new MatchingPrior());
        refiner = addChildBlock("refiner", new MatchRefiner());
        backbone.freezeParameters(true);
    }

    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            NDList stages = backbone.stages(ps, FeatureOps.foldShots(supportImages), false, 3);
            return scope.ret(MatchingPrior.encodeSupport(stages, supportMasks));
        }
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        checkQueries(queries);
        try (NDManager scope = NDManager.subManagerOf(queries)) {
            scope.tempAttachAll(queries, encodedSupport);
            Shape q = queries.getShape();
            NDArray logits = refiner.logits(ps, matching, backbone.stages(ps, queries, false, 3), encodedSupport,
                    training);
            return scope.ret(new NDList(FeatureOps.resize(logits, q.get(2), q.get(3))));
        }
    }

    @Override
    public Backbone backbone() {
        return backbone;
    }

    @Override
    public String architecture() {
        return "matcher-refined";
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int[] c = initializeBackbone(manager, dataType, inputShapes);
        matching.initialize(manager, dataType, ConvBlocks.nchw(c[1] + c[2]));
        refiner.initialize(manager, dataType, ConvBlocks.nchw(MatchRefiner.EVIDENCE), ConvBlocks.nchw(1));
    }
}
