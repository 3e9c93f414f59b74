package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A one-way K-shot segmentation network, split in two so that a support set is encoded once and reused for every
 * query of the queue.
 *
 * <p>Training forward input: {@code [query (B,3,H,W), supportImages (B,K,3,H,W), supportMasks (B,K,1,H,W)]}, masks in
 * {0,1}. Output: {@code [logits (B,1,H,W)]} at the input size, followed by any auxiliary outputs a loss needs (EAMNet's
 * attention map).
 */
public abstract class FewShotNet extends AbstractBlock {

    /**
     * Encodes a support set. The returned tensors have a leading batch dimension of B (or 1, which {@link #decode}
     * broadcasts over any number of queries).
     */
    public abstract NDList encodeSupport(
            ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training);

    /** Segments a batch of queries against an encoded support set; output as for the training forward. */
    public abstract NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training);

    /**
     * Lets the network reuse the features of support views it has encoded before, outside training. Networks that
     * encode their shots jointly have nothing to reuse and ignore it.
     */
    public void cacheSupportFeatures(SupportFeatureCache cache) {
    }

    /** The feature extractor (for loading pretrained weights, freezing or a lower learning rate). */
    public abstract Backbone backbone();

    /** The manifest name of the architecture: {@code lerenet}, {@code eamnet}, {@code baseline} or {@code matcher}. */
    public abstract String architecture();

    /**
     * The shapes to {@code initialize} a network with: query (1,3,H,W), support images (1,K,3,H,W) and masks
     * (1,K,1,H,W). Only the channel counts matter for the weights; H and W only fix the recorded input shapes.
     */
    public static Shape[] inputShapes(long height, long width, long shots) {
        return new Shape[] {
            new Shape(1, 3, height, width), new Shape(1, shots, 3, height, width), new Shape(1, shots, 1, height, width)
        };
    }

    /**
     * Checks a support set's shapes: images (B,K,3,H,W) and masks (B,K,1,H,W).
     *
     * @throws IllegalArgumentException naming the offending shape
     */
    protected static void checkSupport(NDArray supportImages, NDArray supportMasks) {
        Shape img = supportImages.getShape();
        Shape mask = supportMasks.getShape();
        if (img.dimension() != 5 || img.get(2) != 3) {
            throw new IllegalArgumentException("support images must be (B,K,3,H,W), got " + img);
        }
        if (mask.dimension() != 5 || mask.get(2) != 1 || mask.get(0) != img.get(0) || mask.get(1) != img.get(1)
                || mask.get(3) != img.get(3) || mask.get(4) != img.get(4)) {
            throw new IllegalArgumentException(
                    "support masks must be (B,K,1,H,W) matching the images " + img + ", got " + mask);
        }
    }

    /**
     * Checks a query batch (B,3,H,W).
     *
     * @throws IllegalArgumentException naming the offending shape
     */
    protected static void checkQueries(NDArray queries) {
        Shape s = queries.getShape();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("queries must be (B,3,H,W), got " + s);
        }
    }

    /**
     * Checks that query features and encoded support features have the same spatial size (the support and query
     * images must be resized to the same input size).
     */
    protected static void checkSameSize(NDArray queryFeatures, NDArray supportFeatures) {
        Shape q = queryFeatures.getShape();
        Shape s = supportFeatures.getShape();
        if (q.get(2) != s.get(2) || q.get(3) != s.get(3)) {
            throw new IllegalArgumentException("query and support images must have the same size (query features "
                    + q + ", support features " + s + ")");
        }
    }

    /**
     * Initializes {@link #backbone()} for one image of the query size in {@code inputShapes} (see {@link #inputShapes})
     * and returns its stage channels, from which the heads are sized.
     */
    protected int[] initializeBackbone(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape q = inputShapes[0];
        Backbone backbone = backbone();
        backbone.initialize(manager, dataType, new Shape(1, 3, q.get(2), q.get(3)));
        return backbone.stageChannels();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), 1, q.get(2), q.get(3))};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList support = encodeSupport(ps, inputs.get(1), inputs.get(2), training);
        return decode(ps, inputs.get(0), support, training);
    }
}
