package io.defectstudio.inference.nets.lerenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.defectstudio.inference.nets.ConvBlocks;
import io.defectstudio.inference.nets.FeatureOps;

/**
 * Multi-Prototype Reasoning (LERENet Sec. 4.1). Local descriptors X (c x hw) are projected to node-level and
 * channel-level multi-prototypes by 1-D convolutions, P^v = f_v(X) (Eq. 7) and P^d = f_d(X) (Eq. 8); the cross
 * relations G^v = P_q^v P_s^dT (Eq. 9) and G^d = P_q^d P_s^vT (Eq. 10) are concatenated and reasoned by one GCN
 * layer H' = ReLU(L H Theta) with L = D^-1/2 (I + A) D^-1/2 (Eq. 1-3), A the non-negative cosine affinity of the
 * graph nodes; the graph is projected back through P_q^v and added to the query: P_main = X_q + tau(R(G P_q^v))
 * (Eq. 11), tau a 1x1 convolution with BatchNorm.
 *
 * <p>Support side ({@link #projectSupport}): {@code X_s (B,c,h,w) -> [P_s^v (B,n,hw), P_s^d (B,n,hw)]}, query
 * independent. Forward: {@code [X_q (B,c,h,w), P_s^v, P_s^d] -> [P_main (B,c,h,w)]}.
 */
public final class MPR extends AbstractBlock {


    private final int channels;
    private final int nodes;
    private final Block nodeProjection;
    private final Block channelProjection;
    private final Block gcnWeight;
    private final Block tau;

    /** {@code channels} = c; {@code nodes} = number of graph nodes and of node states. */
    public MPR(int channels, int nodes) {
        this.channels = channels;
        this.nodes = nodes;
        nodeProjection = addChildBlock("f_v", Conv1d.builder().setKernelShape(new Shape(1)).setFilters(nodes).build());
        channelProjection =
                addChildBlock("f_d", Conv1d.builder().setKernelShape(new Shape(1)).setFilters(nodes).build());
        gcnWeight = addChildBlock("theta", Linear.builder().setUnits(nodes).optBias(false).build());
        tau = addChildBlock("tau", ConvBlocks.convBn(1, channels));
    }

    /** Eq. 7-8 on the (masked) support descriptors. */
    public NDList projectSupport(ParameterStore ps, NDArray support, boolean training) {
        NDList x = new NDList(FeatureOps.flatten(support));
        return new NDList(
                nodeProjection.forward(ps, x, training).singletonOrThrow(),
                channelProjection.forward(ps, x, training).singletonOrThrow());
    }

    /**
     * Eq. 2: L = D^-1/2 (I + A) D^-1/2 for node features (B,n,d), A the ReLU'd cosine affinity between nodes and D
     * the degree matrix of I + A.
     */
    public static NDArray normalisedAdjacency(NDArray nodeFeatures) {
        long n = nodeFeatures.getShape().get(1);
        NDArray unit = FeatureOps.l2Normalize(nodeFeatures, 2);
        NDArray adjacency = unit.matMul(unit.transpose(0, 2, 1)).maximum(0f)
                .add(nodeFeatures.getManager().eye((int) n).expandDims(0));
        NDArray invSqrtDegree = adjacency.sum(new int[] {2}, true).pow(-0.5f);
        return adjacency.mul(invSqrtDegree).mul(invSqrtDegree.transpose(0, 2, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray query = inputs.get(0);
        NDArray supportNodes = inputs.get(1);
        NDArray supportChannels = inputs.get(2);
        Shape q = query.getShape();
        long positions = q.get(2) * q.get(3);
        NDList xq = new NDList(FeatureOps.flatten(query));
        // Eq. 7-8: node- and channel-level multi-prototypes of the query, (B,n,hw).
        NDArray queryNodes = nodeProjection.forward(ps, xq, training).singletonOrThrow();
        NDArray queryChannels = channelProjection.forward(ps, xq, training).singletonOrThrow();
        // Eq. 9-10: cross relations, (B,n,n) each, averaged over positions; concatenated to H (B,n,2n).
        NDArray gv = queryNodes.matMul(supportChannels.transpose(0, 2, 1)).div(positions);
        NDArray gd = queryChannels.matMul(supportNodes.transpose(0, 2, 1)).div(positions);
        NDArray h = gv.concat(gd.transpose(0, 2, 1), 2);
        // Eq. 1/3: H' = ReLU(L H Theta), (B,n,n).
        NDArray reasoned = gcnWeight.forward(ps, new NDList(normalisedAdjacency(h).matMul(h)), training)
                .singletonOrThrow().getNDArrayInternal().relu();
        // Eq. 11: project back through P_q^v, reshape to (B,n,h,w), tau, add to X_q.
        NDArray back = reasoned.transpose(0, 2, 1).matMul(queryNodes).reshape(q.get(0), nodes, q.get(2), q.get(3));
        return new NDList(query.add(tau.forward(ps, new NDList(back), training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        nodeProjection.initialize(manager, dataType, new Shape(1, channels, 16));
        channelProjection.initialize(manager, dataType, new Shape(1, channels, 16));
        gcnWeight.initialize(manager, dataType, new Shape(1, nodes, 2L * nodes));
        tau.initialize(manager, dataType, ConvBlocks.nchw(nodes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
