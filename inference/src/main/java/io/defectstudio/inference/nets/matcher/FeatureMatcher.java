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

/**
 * Training-free feature matching (general industrial FDS paper, seed 003): every support foreground feature vector is
 * a foreground prototype and every background vector a background prototype; each query position scores
 * {@code s_bg = max cos(q, bg)} and {@code s_fg = max cos(q, fg)}, scaled by 10. The softmax over
 * {@code (10 s_bg, 10 s_fg)} equals {@code sigmoid(10 (s_fg - s_bg))}, so the logit is {@code 10 (s_fg - s_bg)}.
 *
 * <p>Features: layer2 and layer3 (upsampled) of the backbone, concatenated and L2-normalised. No parameters of its
 * own: it works with any backbone weights and on a new defect type at once.
 */
public final class FeatureMatcher extends FewShotNet {

    private static final byte VERSION = 1;
    private static final float SCALE = 10f;
    /** Pushes non-members of a prototype set below any cosine similarity before the max. */
    private static final float EXCLUDE = 4f;

    private final Backbone backbone;

    public FeatureMatcher(Backbone backbone) {
        super(VERSION);
        this.backbone = addChildBlock("backbone", backbone);
        backbone.stage(4).freezeParameters(true);
    }

    private NDArray unitFeatures(ParameterStore ps, NDArray images, boolean training) {
        NDList stages = backbone.stages(ps, images, training, 3);
        NDArray layer2 = stages.get(1);
        NDArray f = layer2.concat(FeatureOps.resizeLike(stages.get(2), layer2), 1);
        return FeatureOps.l2Normalize(f, 1);
    }

    /**
     * Output {@code [supportVectors (B,C,K*h*w) unit length, foreground (B,1,K*h*w), background (B,1,K*h*w)]}; a
     * cell is foreground where the mask covers at least half of it (or, for a defect thinner than that, where it
     * covers the cell's largest share), background where the mask does not touch it.
     */
    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            long batch = supportImages.getShape().get(0);
            NDArray f = unitFeatures(ps, FeatureOps.foldShots(supportImages), training);
            Shape s = f.getShape();
            NDArray fraction = FeatureOps.maskFraction(FeatureOps.foldShots(supportMasks), s.get(2), s.get(3));
            // (B*K,C,h,w) -> (B,C,K*h*w): all shots' vectors side by side.
            NDArray vectors = FeatureOps.unfoldShots(FeatureOps.flatten(f), batch, s.get(0) / batch)
                    .transpose(0, 2, 1, 3)
                    .reshape(batch, s.get(1), -1);
            NDArray frac = fraction.reshape(batch, 1, -1);
            NDArray threshold = frac.max(new int[] {2}, true).minimum(0.5f);
            NDArray foreground = frac.gte(threshold).logicalAnd(frac.gt(0f)).toType(DataType.FLOAT32, false);
            NDArray background = frac.eq(0f).toType(DataType.FLOAT32, false);
            return scope.ret(new NDList(vectors, foreground, background));
        }
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        checkQueries(queries);
        try (NDManager scope = NDManager.subManagerOf(queries)) {
            scope.tempAttachAll(queries, encodedSupport);
            Shape q = queries.getShape();
            NDArray f = unitFeatures(ps, queries, training);
            Shape fs = f.getShape();
            NDArray support = FeatureOps.expandBatch(encodedSupport.get(0), q.get(0));
            NDArray fg = FeatureOps.expandBatch(encodedSupport.get(1), q.get(0));
            NDArray bg = FeatureOps.expandBatch(encodedSupport.get(2), q.get(0));
            // (B,Lq,Ls) cosine similarities of every query vector to every support vector.
            NDArray cos = FeatureOps.flatten(f).transpose(0, 2, 1).matMul(support);
            NDArray fgScore = cos.add(fg.sub(1f).mul(EXCLUDE)).max(new int[] {2});
            NDArray bgScore = cos.add(bg.sub(1f).mul(EXCLUDE)).max(new int[] {2});
            NDArray logits = fgScore.sub(bgScore).mul(SCALE).reshape(q.get(0), 1, fs.get(2), fs.get(3));
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
