package io.defectstudio.inference.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.Backbone;
import io.defectstudio.inference.nets.Backbones;
import io.defectstudio.inference.nets.FewShotNet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real few-shot network for tests: masked-average prototype of the backbone's layer2 features, cosine
 * similarity of each query pixel to it, scaled. Counts encodeSupport/decode calls.
 */
public final class PrototypeNet extends FewShotNet {

    public final AtomicInteger encodeCalls = new AtomicInteger();
    public final AtomicInteger decodeCalls = new AtomicInteger();
    private final String architecture;
    private final Backbone backbone;
    private final Parameter scale;

    public PrototypeNet(String architecture, String backboneName) {
        super((byte) 1);
        this.architecture = architecture;
        this.backbone = addChildBlock("backbone", Backbones.create(backboneName));
        this.scale = addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(10f)).optShape(new Shape(1)).build());
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }

    private NDArray features(ParameterStore ps, NDArray images, boolean training) {
        return backbone.forward(ps, new NDList(images), training).get(1);
    }

    @Override
    public NDList encodeSupport(ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training) {
        encodeCalls.incrementAndGet();
        Shape s = supportImages.getShape();
        long b = s.get(0);
        long k = s.get(1);
        NDArray f = features(ps, supportImages.reshape(b * k, s.get(2), s.get(3), s.get(4)), training);
        long c = f.getShape().get(1);
        long h = f.getShape().get(2);
        long w = f.getShape().get(3);
        NDArray m = Preprocessor.resize(supportMasks.reshape(b * k, 1, s.get(3), s.get(4)), (int) h, (int) w);
        NDArray sum = f.mul(m).reshape(b, k, c, h * w).sum(new int[] {1, 3});
        NDArray area = m.reshape(b, k * h * w).sum(new int[] {1}).add(1e-5f).reshape(b, 1);
        return new NDList(sum.div(area));
    }

    @Override
    public NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training) {
        decodeCalls.incrementAndGet();
        NDArray f = features(ps, queries, training);
        Shape fs = f.getShape();
        NDArray proto = encodedSupport.get(0);
        NDArray protoN = proto.div(proto.norm(new int[] {1}, true).add(1e-6f)).reshape(proto.getShape().get(0),
                fs.get(1), 1, 1);
        NDArray fN = f.div(f.norm(new int[] {1}, true).add(1e-6f));
        NDArray cos = fN.mul(protoN).sum(new int[] {1}, true);
        NDArray logits = cos.mul(ps.getValue(scale, queries.getDevice(), training));
        return new NDList(Preprocessor.resize(logits, (int) queries.getShape().get(2),
                (int) queries.getShape().get(3)));
    }
}
