package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Dense foreground/background matching (general industrial FDS paper, seed 003): every support foreground feature
 * vector is a foreground prototype and every background vector a background prototype; a query position scores
 * {@code s_fg - s_bg}, the difference of its best cosine similarities to the two sets. The softmax over
 * {@code (t s_bg, t s_fg)} equals {@code sigmoid(t (s_fg - s_bg))}, so {@code t (s_fg - s_bg)} is a logit.
 *
 * <p>{@link io.defectstudio.inference.nets.matcher.FeatureMatcher} uses it alone with a fixed {@code t = 10}. The
 * learned networks use it as a class-agnostic prior: their heads only refine it ({@link #refine}), with {@code t}
 * learned (init 10). Unlike PFENet's prior it scores against the support's background too, so a defect-free query
 * scores low everywhere instead of being min-max stretched into a defect.
 *
 * <p>All methods take backbone stages layer1..layer3 and match at layer2's resolution, on features that a
 * {@link MatchFusion} builds from them. Forward: {@code [query unit features (B,C,h,w), support vectors, foreground,
 * background]} (the last three from {@link #encodeSupport}) -> {@code [logits (B,1,h,w)]}; {@link #logits} builds
 * that input.
 */
public final class MatchingPrior extends AbstractBlock {

    /** The matcher's temperature t. */
    public static final float TEMPERATURE = 10f;

    /** Pushes non-members of a prototype set below any cosine similarity before the max. */
    private static final float EXCLUDE = 4f;
    /**
     * Similarities held at once: query positions are matched in row blocks of this many (query x support) pairs, so
     * the views of a support set ({@code engine.SupportViews}) do not multiply the memory a tile needs (64 MB).
     */
    private static final long MAX_SIMILARITIES = 16L << 20;

    private final MatchFusion fusion;
    private final Parameter temperature;
    private final Parameter gate;

    public MatchingPrior(MatchFusion fusion) {
        this.fusion = fusion;
        temperature = addParameter(Parameter.builder().setName("temperature").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(TEMPERATURE)).build());
        gate = addParameter(Parameter.builder().setName("gate").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(0f)).build());
    }

    /**
     * A head's refinement of the prior: {@code prior + g head}, g learned from 0, so training starts from the plain
     * matcher and the head only adds what the training episodes justify.
     */
    public NDArray refine(ParameterStore ps, NDArray priorLogits, NDArray headLogits, boolean training) {
        return priorLogits.add(headLogits.mul(ps.getValue(gate, priorLogits.getDevice(), training)));
    }

    /** The prior's logits {@code t (s_fg - s_bg)} at layer2's resolution for a query's backbone stages. */
    public NDArray logits(ParameterStore ps, NDList queryStages, NDList support, boolean training) {
        NDList inputs = new NDList(fusion.unitFeatures(queryStages));
        inputs.addAll(support);
        return forward(ps, inputs, training).singletonOrThrow();
    }

    /** {@link #encodeSupport} with this prior's fusion. */
    public NDList encodeSupport(NDList stages, NDArray masks) {
        return encodeSupport(stages, masks, fusion);
    }

    /**
     * The support side: backbone stages of the (B*K) support images and masks (B,K,1,H,W) ->
     * {@code [vectors (B,C,K*h*w), foreground (B,1,K*h*w), background (B,1,K*h*w)]}. A cell is foreground where the
     * mask covers at least half of it (or, for a defect thinner than that, where it covers the cell's largest share),
     * background where the mask does not touch it.
     */
    public static NDList encodeSupport(NDList stages, NDArray masks, MatchFusion fusion) {
        return encodeSupport(fusion.unitFeatures(stages), masks);
    }

    /**
     * {@link #encodeSupport(NDList, NDArray, MatchFusion)} from the (B*K,C,h,w) unit features of the support images.
     */
    public static NDList encodeSupport(NDArray unitFeatures, NDArray masks) {
        long batch = masks.getShape().get(0);
        Shape s = unitFeatures.getShape();
        NDArray fraction = FeatureOps.maskFraction(FeatureOps.foldShots(masks), s.get(2), s.get(3));
        // (B*K,C,h,w) -> (B,C,K*h*w): all shots' vectors side by side.
        NDArray vectors = FeatureOps.unfoldShots(FeatureOps.flatten(unitFeatures), batch, s.get(0) / batch)
                .transpose(0, 2, 1, 3)
                .reshape(batch, s.get(1), -1);
        NDArray frac = fraction.reshape(batch, 1, -1);
        NDArray threshold = frac.max(new int[] {2}, true).minimum(0.5f);
        NDArray foreground = frac.gte(threshold).logicalAnd(frac.gt(0f)).toType(DataType.FLOAT32, false);
        NDArray background = frac.eq(0f).toType(DataType.FLOAT32, false);
        return new NDList(vectors, foreground, background);
    }

    /** {@code s_fg - s_bg} per query position, for a query's backbone stages: (B,1,h,w) at layer2's resolution. */
    public static NDArray contrast(NDList queryStages, NDList support, MatchFusion fusion) {
        return contrast(fusion.unitFeatures(queryStages), support);
    }

    /** {@code s_fg - s_bg} (B,1,h,w) for query unit features (B,C,h,w). */
    static NDArray contrast(NDArray queryUnit, NDList support) {
        if (support.get(0).getShape().get(0) == 1) {
            NDArray fgMask = support.get(1).reshape(-1).gt(0f);
            NDArray bgMask = support.get(2).reshape(-1).gt(0f);
            if (fgMask.any().getBoolean() && bgMask.any().getBoolean()) {
                NDArray rows = support.get(0).get(0).transpose();
                return contrastOfOneSupport(queryUnit, rows.get(new NDIndex("{}", fgMask.nonzero().squeeze(1))),
                        rows.get(new NDIndex("{}", bgMask.nonzero().squeeze(1))));
            }
        }
        Shape q = queryUnit.getShape();
        long batch = q.get(0);
        NDArray vectors = FeatureOps.expandBatch(support.get(0), batch);
        NDArray fg = FeatureOps.expandBatch(support.get(1), batch);
        NDArray bg = FeatureOps.expandBatch(support.get(2), batch);
        NDArray fgOffset = fg.sub(1f).mul(EXCLUDE);
        NDArray bgOffset = bg.sub(1f).mul(EXCLUDE);
        NDArray queryVectors = FeatureOps.flatten(queryUnit).transpose(0, 2, 1);
        long positions = queryVectors.getShape().get(1);
        long rows = Math.max(1, MAX_SIMILARITIES / Math.max(1, vectors.getShape().get(2)));
        NDList contrasts = new NDList();
        for (long from = 0; from < positions; from += rows) {
            // (B,rows,Ls) cosine similarities of these query vectors to every support vector.
            NDArray block = queryVectors.get(":, {}:{}, :", from, Math.min(positions, from + rows));
            NDArray cos = block.matMul(vectors);
            // Freed as soon as they are used rather than with the caller's scope, so that at most two blocks of
            // similarities are alive; autograd keeps its own references to what a backward pass needs.
            NDArray fgCos = cos.add(fgOffset);
            NDArray fgScore = fgCos.max(new int[] {2});
            fgCos.close();
            NDArray bgCos = cos.add(bgOffset);
            NDArray bgScore = bgCos.max(new int[] {2});
            new NDList(block, cos, bgCos).close();
            contrasts.add(fgScore.sub(bgScore));
            new NDList(fgScore, bgScore).close();
        }
        NDArray contrast = contrasts.size() == 1 ? contrasts.head() : NDArrays.concat(contrasts, 1);
        return contrast.reshape(batch, 1, q.get(2), q.get(3));
    }

    /**
     * {@link #contrast} for one support set (the workstation's case) with both prototype sets: its foreground
     * {@code (Lf,C)} and background {@code (Lb,C)} vectors are matched as two matrices, which skips the exclusion
     * offsets' two passes over every block of similarities and the cells that are neither.
     */
    private static NDArray contrastOfOneSupport(NDArray queryUnit, NDArray foreground, NDArray background) {
        Shape q = queryUnit.getShape();
        NDArray queryVectors = FeatureOps.flatten(queryUnit).transpose(0, 2, 1);
        NDArray fgT = foreground.transpose();
        NDArray bgT = background.transpose();
        long positions = queryVectors.getShape().get(1);
        long width = foreground.getShape().get(0) + background.getShape().get(0);
        long rows = Math.max(1, MAX_SIMILARITIES / width);
        NDList contrasts = new NDList();
        for (long from = 0; from < positions; from += rows) {
            NDArray block = queryVectors.get(":, {}:{}, :", from, Math.min(positions, from + rows));
            NDArray fgCos = block.matMul(fgT);
            NDArray fgScore = fgCos.max(new int[] {2});
            fgCos.close();
            NDArray bgCos = block.matMul(bgT);
            NDArray bgScore = bgCos.max(new int[] {2});
            new NDList(block, bgCos).close();
            contrasts.add(fgScore.sub(bgScore));
            new NDList(fgScore, bgScore).close();
        }
        NDArray contrast = contrasts.size() == 1 ? contrasts.head() : NDArrays.concat(contrasts, 1);
        return contrast.reshape(q.get(0), 1, q.get(2), q.get(3));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray query = inputs.get(0);
        NDArray t = ps.getValue(temperature, query.getDevice(), training);
        return new NDList(contrast(query, inputs.subNDList(1)).mul(t));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }
}
