package io.defectstudio.inference.nets.matcher;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import io.defectstudio.inference.nets.SupportFeatureCache;

/**
 * Training-free feature matching (general industrial FDS paper, seed 003): the {@link MatchingPrior}'s dense
 * foreground/background contrast with its fixed temperature is the logit. No parameters of its own: it works with any
 * backbone weights and on a new defect type at once.
 */
public final class FeatureMatcher extends FewShotNet {


    private final Backbone backbone;
    private final MatchFusion fusion;
    private SupportFeatureCache cache;

    public FeatureMatcher(Backbone backbone) {
        this.backbone = addChildBlock("backbone", backbone);
        fusion = backbone.matchFusion();
        backbone.stage(4).freezeParameters(true);
    }

    /** Output {@code [supportVectors (B,C,K*h*w) unit length, foreground (B,1,K*h*w), background (B,1,K*h*w)]}. */
    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            NDArray images = FeatureOps.foldShots(supportImages);
            if (training) {
                return scope.ret(MatchingPrior.encodeSupport(backbone.stages(ps, images, true, 3), supportMasks,
                        fusion));
            }
            return scope.ret(MatchingPrior.encodeSupport(unitFeaturesOneByOne(ps, images), supportMasks));
        }
    }

    /**
     * The (N,C,h,w) unit features of N images, encoded one image at a time so that only one image's backbone
     * activations are alive at once: several shots, each with its support views, would otherwise hold them all
     * (600 MB more at a 9999x9999 query, docs/benchmarks.md). A view's features come from the cache when it has them.
     */
    private NDArray unitFeaturesOneByOne(ParameterStore ps, NDArray images) {
        NDList unit = new NDList();
        for (long i = 0; i < images.getShape().get(0); i++) {
            try (NDManager image = NDManager.subManagerOf(images)) {
                NDArray one = images.get("{}:{}", i, i + 1);
                image.tempAttachAll(one);
                String key = cache == null ? null : SupportFeatureCache.key(one);
                NDArray features = key == null ? null : cache.get(key);
                if (features == null) {
                    features = fusion.unitFeatures(backbone.stages(ps, one, false, 3));
                    if (key != null) {
                        cache.put(key, features);
                    }
                }
                features.attach(images.getManager());
                unit.add(features);
            }
        }
        return unit.size() == 1 ? unit.head() : NDArrays.concat(unit, 0);
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
    public void cacheSupportFeatures(SupportFeatureCache cache) {
        this.cache = cache;
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
