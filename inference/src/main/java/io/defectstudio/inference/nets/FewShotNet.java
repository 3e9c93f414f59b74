package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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

    protected FewShotNet(byte version) {
        super(version);
    }

    /**
     * Encodes a support set. The returned tensors have a leading batch dimension of B (or 1, which {@link #decode}
     * broadcasts over any number of queries).
     */
    public abstract NDList encodeSupport(
            ParameterStore ps, NDArray supportImages, NDArray supportMasks, boolean training);

    /** Segments a batch of queries against an encoded support set; output as for the training forward. */
    public abstract NDList decode(ParameterStore ps, NDArray queries, NDList encodedSupport, boolean training);

    /** The manifest name of the architecture: {@code lerenet}, {@code eamnet}, {@code baseline} or {@code matcher}. */
    public abstract String architecture();

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList support = encodeSupport(ps, inputs.get(1), inputs.get(2), training);
        return decode(ps, inputs.get(0), support, training);
    }
}
