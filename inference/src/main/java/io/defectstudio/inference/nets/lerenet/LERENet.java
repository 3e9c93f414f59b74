package io.defectstudio.inference.nets.lerenet;

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
import io.defectstudio.inference.nets.MatchingPrior;
import io.defectstudio.inference.nets.MidLevelFeatures;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * LERENet (arXiv 2403.11122): mid-level local descriptors of query and masked support (K shots averaged, Eq. 16),
 * MPR -> P_main (Eq. 7-11), MPE* -> P_aux (Eq. 12-14, 4-5), IFM -> mask logits (Eq. 15). Trained with BCE (Eq. 6).
 *
 * <p>Our addition: the {@link MatchingPrior} is one more IFM input channel, and IFM's logits (then R, Eq. 15)
 * refine it as a gated residual.
 * Without it LERENet, trained on six classes, collapsed to background on fold 0's unseen classes (0.27 mIoU).
 */
public final class LERENet extends FewShotNet {

    /** The modules that the paper's Table 3 ablation takes out. */
    public enum Module { MPR, MPE }


    private final Backbone backbone;
    private final int channels;
    private final MidLevelFeatures features;
    private final MPR mpr;
    private final MPE mpe;
    private final IFM ifm;
    private final MatchingPrior matching;
    private final Set<Module> removed;

    /** LERENet on {@code backbone} with {@code channels} (c) mid-level channels and as many MPR graph nodes. */
    public LERENet(Backbone backbone, int channels) {
        this(backbone, channels, EnumSet.noneOf(Module.class));
    }

    /**
     * LERENet without some modules, for the ablation: a removed module's output (P_main for MPR, P_aux for MPE) is
     * zeros of its shape, so IFM and every other part stay as they are. Its parameters exist but are frozen.
     */
    public LERENet(Backbone backbone, int channels, Set<Module> removed) {
        this.removed = removed.isEmpty() ? EnumSet.noneOf(Module.class) : EnumSet.copyOf(removed);
        this.backbone = addChildBlock("backbone", backbone);
        this.channels = channels;
        int[] c = backbone.stageChannels();
        features = addChildBlock("features", new MidLevelFeatures(c[1], c[2], channels));
        mpr = addChildBlock("mpr", new MPR(channels, channels));
        mpe = addChildBlock("mpe", new MPE(channels));
        ifm = addChildBlock("ifm", new IFM(channels));
        matching = addChildBlock("matching", new MatchingPrior(backbone.matchFusion()));
        // layer4 and removed modules are never read: freeze them so no optimiser sees parameters without gradients.
        backbone.stage(4).freezeParameters(true);
        if (this.removed.contains(Module.MPR)) {
            mpr.freezeParameters(true);
        }
        if (this.removed.contains(Module.MPE)) {
            mpe.freezeParameters(true);
        }
        if (this.removed.containsAll(EnumSet.allOf(Module.class))) {
            features.freezeParameters(true);
        }
    }

    /**
     * Output {@code [X_proj (B,c,1,1), P_s^v (B,c,hw), P_s^d (B,c,hw), support descriptors (B,c,hw) unit length,
     * matching vectors, foreground, background]}: everything that does not depend on the query.
     */
    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            NDList stages = backbone.stages(ps, FeatureOps.foldShots(supportImages), training, 3);
            NDArray f = features.fromStages(ps, stages, training);
            // Eq. 16: masked support features averaged over the K shots.
            NDList masked = MidLevelFeatures.maskAndAverageShots(f, supportMasks);
            NDArray support = masked.get(0);
            NDArray prototype = MPE.prototype(support, masked.get(1));
            NDList projections = mpr.projectSupport(ps, support, training);
            NDArray descriptors = FeatureOps.l2Normalize(FeatureOps.flatten(support), 1);
            NDList encoded = new NDList(prototype, projections.get(0), projections.get(1), descriptors);
            encoded.addAll(matching.encodeSupport(stages, supportMasks));
            return scope.ret(encoded);
        }
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        checkQueries(queries);
        try (NDManager scope = NDManager.subManagerOf(queries)) {
            scope.tempAttachAll(queries, encodedSupport);
            Shape q = queries.getShape();
            long batch = q.get(0);
            NDList stages = backbone.stages(ps, queries, training, 3);
            NDArray xq = features.fromStages(ps, stages, training);
            NDArray prototype = FeatureOps.expandBatch(encodedSupport.get(0), batch);
            NDArray supportNodes = FeatureOps.expandBatch(encodedSupport.get(1), batch);
            NDArray supportChannels = FeatureOps.expandBatch(encodedSupport.get(2), batch);
            NDArray descriptors = FeatureOps.expandBatch(encodedSupport.get(3), batch);
            if (supportNodes.getShape().get(2) != xq.getShape().get(2) * xq.getShape().get(3)) {
                throw new IllegalArgumentException("query and support images must have the same size (query features "
                        + xq.getShape() + ", support descriptors " + supportNodes.getShape() + ")");
            }
            NDArray main = removed.contains(Module.MPR) ? xq.zerosLike()
                    : mpr.forward(ps, new NDList(xq, supportNodes, supportChannels), training).singletonOrThrow();
            NDArray aux = removed.contains(Module.MPE)
                    ? xq.getManager().zeros(mpe.getOutputShapes(new Shape[] {xq.getShape()})[0], xq.getDataType())
                    : mpe.forward(ps, new NDList(xq, prototype, descriptors), training).singletonOrThrow();
            NDArray match = FeatureOps.resizeLike(
                    matching.logits(ps, stages, encodedSupport.subNDList(4), training), xq);
            NDArray head = ifm.forward(ps, new NDList(main, aux.concat(match, 1)), training).singletonOrThrow();
            NDArray logits = matching.refine(ps, match, head, training);
            return scope.ret(new NDList(FeatureOps.resize(logits, q.get(2), q.get(3))));
        }
    }

    @Override
    public Backbone backbone() {
        return backbone;
    }

    @Override
    public String architecture() {
        StringBuilder name = new StringBuilder("lerenet");
        if (!removed.isEmpty()) {
            name.append("-no");
            removed.forEach(m -> name.append('-').append(m.name().toLowerCase(Locale.ROOT)));
        }
        return name.toString();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int[] c = initializeBackbone(manager, dataType, inputShapes);
        features.initialize(manager, dataType, ConvBlocks.nchw(c[1]), ConvBlocks.nchw(c[2]));
        mpr.initialize(manager, dataType, ConvBlocks.nchw(channels));
        mpe.initialize(manager, dataType, ConvBlocks.nchw(channels));
        ifm.initialize(manager, dataType, ConvBlocks.nchw(channels), ConvBlocks.nchw(channels + 2L));
        matching.initialize(manager, dataType, ConvBlocks.nchw(c[1] + c[2]));
    }
}
