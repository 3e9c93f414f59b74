package io.defectstudio.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.training.augment.AugmentedPair;
import io.defectstudio.training.augment.PairAugmenter;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.Sample;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns episodes into the network's training input through the inference module's {@link Preprocessor}, so that
 * training and inference see identical tensors. Every image is augmented independently (its own draw).
 */
public final class EpisodeBatcher {

    private final Preprocessor preprocessor;
    private final PairAugmenter augmenter;

    public EpisodeBatcher(Preprocessor preprocessor, PairAugmenter augmenter) {
        this.preprocessor = preprocessor;
        this.augmenter = augmenter;
    }

    /**
     * @return {@code [query (B,3,H,W), supportImages (B,K,3,H,W), supportMasks (B,K,1,H,W), queryMask (B,1,H,W)]}
     */
    public NDList batch(NDManager manager, List<Episode> episodes, SplittableRandom random) {
        NDList queries = new NDList();
        NDList supportImages = new NDList();
        NDList supportMasks = new NDList();
        NDList queryMasks = new NDList();
        for (Episode episode : episodes) {
            NDList images = new NDList();
            NDList masks = new NDList();
            for (Sample support : episode.supports()) {
                NDArray[] pair = encode(manager, support, random);
                images.add(pair[0]);
                masks.add(pair[1]);
            }
            supportImages.add(NDArrays.stack(images));
            supportMasks.add(NDArrays.stack(masks));
            NDArray[] query = encode(manager, episode.query(), random);
            queries.add(query[0]);
            queryMasks.add(query[1]);
        }
        return new NDList(NDArrays.stack(queries), NDArrays.stack(supportImages), NDArrays.stack(supportMasks),
                NDArrays.stack(queryMasks));
    }

    private NDArray[] encode(NDManager manager, Sample sample, SplittableRandom random) {
        AugmentedPair pair = augmenter.apply(sample.image(), sample.mask(), random);
        return new NDArray[] {preprocessor.image(manager, pair.image()), preprocessor.mask(manager, pair.mask())};
    }
}
