package io.defectstudio.inference.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.SupportFeatureCache;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real network wrapped to count how often support sets and queries go through it. */
public final class CountingNet extends FewShotNet {

    public final AtomicInteger encodeCalls = new AtomicInteger();
    public final AtomicInteger decodeCalls = new AtomicInteger();
    private final FewShotNet inner;

    /** The shape of the last support batch the network encoded: (B, K, C, H, W). */
    public final AtomicReference<Shape> lastSupportShape = new AtomicReference<>();

    /** The shape of the last query batch the network decoded. */
    public final AtomicReference<Shape> lastQueryShape = new AtomicReference<>();

    public CountingNet(FewShotNet inner) {
        this.inner = addChildBlock("inner", inner);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }

    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        encodeCalls.incrementAndGet();
        lastSupportShape.set(supportImages.getShape());
        return inner.encodeSupport(ps, supportImages, supportMasks, training);
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        decodeCalls.incrementAndGet();
        lastQueryShape.set(queries.getShape());
        return inner.decode(ps, queries, encodedSupport, training);
    }

    @Override
    public void cacheSupportFeatures(SupportFeatureCache cache) {
        inner.cacheSupportFeatures(cache);
    }

    @Override
    public Backbone backbone() {
        return inner.backbone();
    }

    @Override
    public String architecture() {
        return inner.architecture();
    }
}
