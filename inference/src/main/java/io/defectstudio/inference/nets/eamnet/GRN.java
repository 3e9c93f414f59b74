package io.defectstudio.inference.nets.eamnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Global Response Normalization (ConvNeXt V2, used by EAMNet's GRMAP): G = ||X||_2 over H x W per channel,
 * N = G / mean_c(G), out = gamma (X N) + beta + X = (gamma N + 1) X + beta. gamma and beta start at zero, so the
 * block starts as the identity.
 */
public final class GRN extends AbstractBlock {

    private static final float EPS = 1e-6f;

    private final Parameter gamma;
    private final Parameter beta;

    public GRN(int channels) {
        Shape shape = new Shape(1, channels, 1, 1);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(shape).optInitializer(Initializer.ZEROS).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(shape).optInitializer(Initializer.ZEROS).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = ps.getValue(gamma, x.getDevice(), training);
        NDArray b = ps.getValue(beta, x.getDevice(), training);
        // The epsilon inside the root keeps the gradient of an all-zero channel finite.
        NDArray response = x.square().sum(new int[] {2, 3}, true).add(EPS).sqrt();
        NDArray normalised = response.div(response.mean(new int[] {1}, true).add(EPS));
        return new NDList(x.mul(normalised).mul(g).add(b).add(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
