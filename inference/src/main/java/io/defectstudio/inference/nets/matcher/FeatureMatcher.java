package io.defectstudio.inference.nets.matcher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.FeatureOps;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.MatchFusion;
import io.defectstudio.inference.nets.MatchingPrior;

/**
 * Training-free feature matching (general industrial FDS paper, seed 003): the {@link MatchingPrior}'s dense
 * foreground/background contrast with its fixed temperature is the logit. No parameters of its own: it works with any
 * backbone weights and on a new defect type at once.
 */
public final class FeatureMatcher extends FewShotNet {

    private static final byte VERSION = 1;

    private final Backbone backbone;
    private final MatchFusion fusion;

    public FeatureMatcher(Backbone backbone) {
        super(VERSION);
        this.backbone = addChildBlock("backbone", backbone);
        fusion = MatchFusion.forBackbone(backbone);
        backbone.stage(4).freezeParameters(true);
    }

    /** Output {@code [supportVectors (B,C,K*h*w) unit length, foreground (B,1,K*h*w), background (B,1,K*h*w)]}. */
    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            NDList stages = backbone.stages(ps, FeatureOps.foldShots(supportImages), training, 3);
            return scope.ret(MatchingPrior.encodeSupport(stages, supportMasks, fusion));
        }
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        checkQueries(queries);
        try (NDManager scope = NDManager.subManagerOf(queries)) {
            scope.tempAttachAll(queries, encodedSupport);
            Shape q = queries.getShape();
            NDArray logits = MatchingPrior.contrast(backbone.stages(ps, queries, training, 3), encodedSupport, fusion)
                    .mul(MatchingPrior.TEMPERATURE);
            return scope.ret(new NDList(FeatureOps.resize(logits, q.get(2), q.get(3))));
        }
    }

    @Override
    public Backbone backbone() {
        return backbone;
    }

    @Override
    public String architecture() {
        return "matcher";
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeBackbone(manager, dataType, inputShapes);
    }
}
