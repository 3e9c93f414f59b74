package io.defectstudio.training.adapt;

import io.defectstudio.inference.ModelInfo;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.engine.Postprocessor;
import io.defectstudio.training.augment.AugmentationPolicy;
import io.defectstudio.training.augment.AugmentedPair;
import io.defectstudio.training.augment.PairAugmenter;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.ThresholdSweep;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A segmenter whose defect threshold each support set chooses for itself: the threshold that best reproduces the
 * painted masks (pooled IoU) segments the queue. A head's best threshold differs from class to class far more than any
 * calibration on other classes can know (EAMNet: 0.10 on one benchmark fold, 0.45 on another); the painted shots are
 * the only labelled images of the new class.
 * <ul>
 *   <li>Two or more shots: leave one shot out, every shot segmented with the others as support.</li>
 *   <li>One shot: augmented copies of it (EAMNet's augmentation) segmented with the shot as support. A head that is
 *       timid on a new class is timid even on its own support image, so the copies still show where its
 *       probabilities lie.</li>
 * </ul>
 */
public final class SupportThresholdSegmenter extends ForwardingSegmenter<SupportThresholdSegmenter.Thresholded> {

    /** Augmented copies that stand in for other images of a single shot's class. */
    private static final int SINGLE_SHOT_COPIES = 4;

    private static final String SUPPORT_CLASS = "support";
    private static final long COPY_SEED = 20261123L;
    private static final PairAugmenter COPIER = new PairAugmenter(AugmentationPolicy.eamnet());

    private final double modelThreshold;

    /** Wraps {@code inner}, whose results come at {@code modelThreshold}; owns it. */
    public SupportThresholdSegmenter(Segmenter inner, double modelThreshold) {
        super(inner, Thresholded.class);
        this.modelThreshold = modelThreshold;
    }

    /**
     * Chooses the set's threshold, then prepares it: {@code K} extra segmentations with {@code K - 1} shots, or for a
     * single shot {@value #SINGLE_SHOT_COPIES} extra segmentations with the set itself.
     */
    @Override
    public PreparedSupport prepare(SupportSet support) {
        if (support.size() >= 2) {
            double threshold = leaveOneOut(support);
            return new Thresholded(inner().prepare(support), threshold);
        }
        PreparedSupport prepared = inner().prepare(support);
        try {
            return new Thresholded(prepared, fromCopies(prepared, support.examples().get(0)));
        } catch (RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    @Override
    public Segmentation segment(PreparedSupport support, BufferedImage query) {
        Thresholded t = check(support);
        return t.apply(inner().segment(t.inner, query));
    }

    @Override
    public List<Segmentation> segmentBatch(PreparedSupport support, List<BufferedImage> queries) {
        Thresholded t = check(support);
        return inner().segmentBatch(t.inner, queries).stream().map(t::apply).toList();
    }

    private double leaveOneOut(SupportSet support) {
        List<SupportExample> shots = support.examples();
        ThresholdSweep sweep = new ThresholdSweep(ThresholdSweep.GRID);
        for (int held = 0; held < shots.size(); held++) {
            List<SupportExample> others = new ArrayList<>(shots);
            SupportExample query = others.remove(held);
            try (PreparedSupport rest = inner().prepare(SupportSet.of(others))) {
                Segmentation r = inner().segment(rest, query.image());
                sweep.add(SUPPORT_CLASS, r.probability(), r.width(), r.height(), BinaryMask.fromGray(query.mask()));
            }
        }
        return sweep.best(modelThreshold);
    }

    private double fromCopies(PreparedSupport prepared, SupportExample shot) {
        ModelInfo model = inner().model();
        // The network sees its input size only; warping a camera-size image would cost more than segmenting it.
        Sample small = SupportImages.sample(0, shot, model.inputWidth(), model.inputHeight());
        SplittableRandom random = new SplittableRandom(COPY_SEED);
        ThresholdSweep sweep = new ThresholdSweep(ThresholdSweep.GRID);
        for (int i = 0; i < SINGLE_SHOT_COPIES; i++) {
            AugmentedPair copy = COPIER.apply(small.image(), small.mask(), random);
            Segmentation r = inner().segment(prepared, copy.image());
            sweep.add(SUPPORT_CLASS, r.probability(), r.width(), r.height(), BinaryMask.fromGray(copy.mask()));
        }
        return sweep.best(modelThreshold);
    }

    /** A prepared support with the threshold its shots chose. */
    final class Thresholded extends Wrapped {
        private final double threshold;

        Thresholded(PreparedSupport inner, double threshold) {
            super(SupportThresholdSegmenter.this, inner);
            this.threshold = threshold;
        }

        Segmentation apply(Segmentation r) {
            return threshold == modelThreshold ? r
                    : new Postprocessor(threshold).fromProbability(r.probability(), r.width(), r.height(),
                            r.latencyMillis());
        }
    }
}
