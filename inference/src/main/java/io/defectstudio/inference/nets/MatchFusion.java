package io.defectstudio.inference.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** How {@link MatchingPrior} builds the unit feature vectors it matches from backbone stages layer1..layer3. */
public enum MatchFusion {

    /** layer2 with layer3 upsampled to it, concatenated, then L2-normalised (the ResNet backbones' rule). */
    MID {
        @Override
        public NDArray unitFeatures(NDList stages) {
            NDArray layer2 = stages.get(1);
            return FeatureOps.l2Normalize(layer2.concat(FeatureOps.resizeLike(stages.get(2), layer2), 1), 1);
        }
    },

    /**
     * Strides 4, 8 and 16 resized to layer2's grid, each L2-normalised on its own, concatenated and scaled by
     * {@code 1/sqrt(3)}: the cosine is then the mean of the three scales' cosines, so no scale dominates by its
     * magnitude or width.
     */
    MULTI_SCALE {
        @Override
        public NDArray unitFeatures(NDList stages) {
            NDArray layer2 = stages.get(1);
            NDList scales = new NDList(
                    FeatureOps.l2Normalize(FeatureOps.resizeLike(stages.get(0), layer2), 1),
                    FeatureOps.l2Normalize(layer2, 1),
                    FeatureOps.l2Normalize(FeatureOps.resizeLike(stages.get(2), layer2), 1));
            return NDArrays.concat(scales, 1).div((float) Math.sqrt(3));
        }
    };

    /** Unit-length (B,C,h,w) features at layer2's resolution. */
    public abstract NDArray unitFeatures(NDList stages);
}
