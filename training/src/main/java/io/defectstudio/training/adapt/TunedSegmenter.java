package io.defectstudio.training.adapt;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.InferenceException;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.engine.Preprocessor;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.loop.TrainingException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A segmenter that fits its network to each support set when the set is prepared ({@link SupportTuner}), and
 * segments every query of that set with the fitted weights. Each prepared support keeps its own copy of what tuning
 * changed, so several prepared sets can be used in any order; one network serves them all, one call at a time.
 */
public final class TunedSegmenter extends ForwardingSegmenter<TunedSegmenter.TunedSupport> {

    private static final Logger LOG = LoggerFactory.getLogger(TunedSegmenter.class);

    private final NDManager manager;
    private final DjlSegmenter segmenter;
    private final SupportTuner tuner;
    private final ReentrantLock lock = new ReentrantLock();
    private TunedSupport loaded;

    private TunedSegmenter(NDManager manager, DjlSegmenter segmenter, SupportTuner tuner) {
        super(segmenter, TunedSupport.class);
        this.manager = manager;
        this.segmenter = segmenter;
        this.tuner = tuner;
    }

    /** Opens a bundle that tunes with {@code tuning} (whatever its manifest says). */
    public static TunedSegmenter open(ModelBundle bundle, Manifest.SupportTuning tuning, InferenceOptions options) {
        EngineSetup.prepare(options);
        Device device = EngineSetup.device(options.device());
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            FewShotNet net = NetworkLoader.load(bundle, manager, Architectures::create);
            SupportTuner tuner = new SupportTuner(net, Preprocessor.of(bundle.manifest()), tuning, manager);
            return new TunedSegmenter(manager, DjlSegmenter.wrap(net, bundle.manifest(), device), tuner);
        } catch (RuntimeException e) {
            manager.close();
            throw e instanceof InferenceException ? e : new InferenceException(
                    "cannot open " + bundle.location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tunes the network to the support set (a few seconds on a CPU), then encodes the set with the tuned weights. A fit
     * that diverges (a gradient that is not finite) is dropped with a warning and the set gets the bundle's own
     * weights: a queue is better served by the untuned model than by no result.
     */
    @Override
    public PreparedSupport prepare(SupportSet support) {
        List<Sample> samples = new ArrayList<>();
        List<SupportExample> examples = support.examples();
        Manifest manifest = segmenter.manifest();
        for (int i = 0; i < examples.size(); i++) {
            samples.add(SupportImages.sample(i, examples.get(i), manifest.inputWidth(), manifest.inputHeight()));
        }
        return locked(() -> {
            try {
                tuner.tune(samples);
            } catch (TrainingException e) {
                LOG.warn("Fitting the model to the support set diverged ({}); this support set is segmented with the"
                        + " model's own weights", e.getMessage());
                tuner.reset();
            } catch (EngineException e) {
                loaded = null;
                throw new InferenceException("fitting the model to the support set failed: " + e.getMessage(), e);
            }
            NDManager weights = manager.newSubManager();
            try {
                NDList tuned = tuner.snapshot(weights);
                TunedSupport prepared = new TunedSupport(segmenter.prepare(support), weights, tuned);
                loaded = prepared;
                return prepared;
            } catch (RuntimeException e) {
                weights.close();
                throw e;
            }
        });
    }

    @Override
    public Segmentation segment(PreparedSupport support, BufferedImage query) {
        TunedSupport tuned = check(support);
        return locked(() -> segmenter.segment(load(tuned), query));
    }

    @Override
    public List<Segmentation> segmentBatch(PreparedSupport support, List<BufferedImage> queries) {
        TunedSupport tuned = check(support);
        return locked(() -> segmenter.segmentBatch(load(tuned), queries));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            super.close();
            tuner.close();
            manager.close();
        } finally {
            lock.unlock();
        }
    }

    private PreparedSupport load(TunedSupport support) {
        if (loaded != support) {
            tuner.load(support.weights);
            loaded = support;
        }
        return support.inner;
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** A prepared support with the weights its tuning produced. */
    final class TunedSupport extends Wrapped {
        private final NDManager memory;
        private final NDList weights;

        TunedSupport(PreparedSupport inner, NDManager memory, NDList weights) {
            super(TunedSegmenter.this, inner);
            this.memory = memory;
            this.weights = weights;
        }

        @Override
        public void close() {
            locked(() -> {
                if (loaded == this) {
                    loaded = null;
                }
                inner.close();
                memory.close();
                return null;
            });
        }
    }
}
