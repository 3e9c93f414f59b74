package io.defectstudio.inference.nets.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.ConvBlocks;
import io.defectstudio.inference.nets.FeatureOps;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.MidLevelFeatures;

/**
 * The LERENet paper's baseline (Sec. 5, "Baseline"): MPR, MPE and IFM removed; the backbone's mid-level features of
 * the query and of the masked support (K shots averaged, Eq. 16) are concatenated and go through one Res block and
 * the Cls head, then are upsampled to the input size.
 */
public final class Baseline extends FewShotNet {


    private final Backbone backbone;
    private final int channels;
    private final MidLevelFeatures features;
    private final Block res;
    private final Block cls;

    /** A baseline on {@code backbone} whose mid-level features have {@code channels} channels. */
    public Baseline(Backbone backbone, int channels) {
        this.backbone = addChildBlock("backbone", backbone);
        this.channels = channels;
        int[] c = backbone.stageChannels();
        features = addChildBlock("features", new MidLevelFeatures(c[1], c[2], channels));
        res = addChildBlock("res", ConvBlocks.residualProjecting(channels));
        cls = addChildBlock("cls", ConvBlocks.classifier(channels, 0.1f));
        // layer4 is never read: freeze it so no optimiser sees parameters without gradients.
        backbone.stage(4).freezeParameters(true);
    }

    /** Output {@code [maskedSupportFeatures (B,c,h,w)]}. */
    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        checkSupport(supportImages, supportMasks);
        try (NDManager scope = NDManager.subManagerOf(supportImages)) {
            scope.tempAttachAll(supportImages, supportMasks);
            NDArray f = features.extract(ps, backbone, FeatureOps.foldShots(supportImages), training);
            NDArray masked = MidLevelFeatures.maskAndAverageShots(f, supportMasks).get(0);
            return scope.ret(new NDList(masked));
        }
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        checkQueries(queries);
        try (NDManager scope = NDManager.subManagerOf(queries)) {
            scope.tempAttachAll(queries, encodedSupport);
            Shape q = queries.getShape();
            NDArray fq = features.extract(ps, backbone, queries, training);
            NDArray fs = FeatureOps.expandBatch(encodedSupport.get(0), q.get(0));
            checkSameSize(fq, fs);
            NDArray x = res.forward(ps, new NDList(fq.concat(fs, 1)), training).singletonOrThrow();
            NDArray logits = cls.forward(ps, new NDList(x), training).singletonOrThrow();
            return scope.ret(new NDList(FeatureOps.resize(logits, q.get(2), q.get(3))));
        }
    }

    @Override
    public Backbone backbone() {
        return backbone;
    }

    @Override
    public String architecture() {
        return "baseline";
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int[] c = initializeBackbone(manager, dataType, inputShapes);
        features.initialize(manager, dataType, ConvBlocks.nchw(c[1]), ConvBlocks.nchw(c[2]));
        res.initialize(manager, dataType, ConvBlocks.nchw(2L * channels));
        cls.initialize(manager, dataType, ConvBlocks.nchw(channels));
    }
}
