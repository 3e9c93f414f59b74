package io.defectstudio.inference.engine;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.defectstudio.inference.InferenceException;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.InvalidInputException;
import io.defectstudio.inference.ModelInfo;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.nets.FewShotNet;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The DJL segmenter: encodes a support set once ({@link FewShotNet#encodeSupport}) and decodes queries against it.
 * Every call scopes its temporaries in a sub-manager, so native memory stays flat however many queries run.
 */
public final class DjlSegmenter implements Segmenter {

    private final NDManager manager;
    private final FewShotNet net;
    private final Manifest manifest;
    private final Preprocessor pre;
    private final Postprocessor post;
    private final ModelInfo info;
    private final Set<DjlPreparedSupport> supports = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private DjlSegmenter(NDManager manager, FewShotNet net, Manifest manifest, int detail) {
        this.manager = manager;
        this.net = net;
        this.manifest = manifest;
        // The networks are fully convolutional, so any working size runs on the bundle's weights.
        this.pre = detail > 0 ? new Preprocessor(detail, detail, manifest.normalisation()) : Preprocessor.of(manifest);
        this.post = new Postprocessor(manifest.threshold());
        this.info = new ModelInfo(manifest.name(), manifest.version(), manifest.architecture(), manifest.backbone(),
                pre.width(), pre.height(), manifest.training().classes(),
                manifest.weights() == null ? "" : manifest.weights().sha256());
    }

    /** Opens a bundle with the standard networks. */
    public static DjlSegmenter open(ModelBundle bundle, InferenceOptions options) {
        return open(bundle, options, NetworkFactory.standard());
    }

    /** Opens a bundle with networks from {@code factory}. */
    public static DjlSegmenter open(ModelBundle bundle, InferenceOptions options, NetworkFactory factory) {
        EngineSetup.prepare(options);
        Device device = EngineSetup.device(options.device());
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            FewShotNet net = NetworkLoader.load(bundle, manager, factory);
            net.freezeParameters(true);
            return new DjlSegmenter(manager, net, bundle.manifest(), options.detail());
        } catch (RuntimeException e) {
            manager.close();
            throw e instanceof InferenceException ? e : new InferenceException(
                    "cannot open " + bundle.location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a network that is already initialised (e.g. during training, for evaluation). The caller keeps ownership
     * of the network's parameters; the manifest supplies input size, normalisation and threshold.
     */
    public static DjlSegmenter wrap(FewShotNet net, Manifest manifest, Device device) {
        EngineSetup.prepare();
        if (!net.isInitialized()) {
            throw new IllegalArgumentException("the network must be initialised");
        }
        return new DjlSegmenter(NDManager.newBaseManager(device, "PyTorch"), net, manifest, 0);
    }

    @Override
    public PreparedSupport prepare(SupportSet support) {
        List<SupportExample> examples = support.examples();
        return withEngine(() -> {
            NDManager supportManager = manager.newSubManager();
            try (NDManager scope = supportManager.newSubManager()) {
                NDList images = new NDList();
                NDList masks = new NDList();
                for (SupportExample e : examples) {
                    images.add(pre.image(scope, e.image()));
                    masks.add(pre.mask(scope, e.mask()));
                }
                NDList encoded = net.encodeSupport(new ParameterStore(scope, false),
                        NDArrays.stack(images).expandDims(0), NDArrays.stack(masks).expandDims(0), false);
                encoded.attach(supportManager);
                DjlPreparedSupport prepared = new DjlPreparedSupport(this, supportManager, encoded, examples.size());
                supports.add(prepared);
                return prepared;
            } catch (RuntimeException e) {
                supportManager.close();
                throw e;
            }
        });
    }

    @Override
    public Segmentation segment(PreparedSupport support, BufferedImage query) {
        if (query == null) {
            throw new InvalidInputException("the query image is missing");
        }
        return segmentBatch(support, List.of(query)).get(0);
    }

    @Override
    public List<Segmentation> segmentBatch(PreparedSupport support, List<BufferedImage> queries) {
        DjlPreparedSupport prepared = checkSupport(support);
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i) == null) {
                throw new InvalidInputException("query " + (i + 1) + " is missing");
            }
        }
        if (queries.isEmpty()) {
            return List.of();
        }
        return withEngine(() -> {
            long start = System.nanoTime();
            try (NDManager scope = manager.newSubManager()) {
                NDArray batch = pre.images(scope, queries);
                NDList out = net.decode(new ParameterStore(scope, false), batch, prepared.viewsIn(scope), false);
                NDArray logits = out.get(0);
                long share = (System.nanoTime() - start) / 1_000_000 / queries.size();
                List<Segmentation> results = new ArrayList<>(queries.size());
                for (int i = 0; i < queries.size(); i++) {
                    BufferedImage q = queries.get(i);
                    long t0 = System.nanoTime();
                    Segmentation s = post.toSegmentation(logits.get(i), q.getWidth(), q.getHeight(), 0);
                    long latency = share + (System.nanoTime() - t0) / 1_000_000;
                    results.add(new Segmentation(s.width(), s.height(), s.probability(), s.mask(), s.confidence(),
                            latency));
                }
                return results;
            }
        });
    }

    @Override
    public ModelInfo model() {
        return info;
    }

    /** The manifest this segmenter runs with. */
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String device() {
        return manager.getDevice().toString();
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (DjlPreparedSupport s : List.copyOf(supports)) {
                s.close();
            }
            manager.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    void release(DjlPreparedSupport support) {
        supports.remove(support);
    }

    private DjlPreparedSupport checkSupport(PreparedSupport support) {
        if (!(support instanceof DjlPreparedSupport prepared) || prepared.owner() != this) {
            throw new IllegalArgumentException("the support set was prepared by another segmenter");
        }
        if (prepared.isClosed()) {
            throw new IllegalStateException("the prepared support set is closed");
        }
        return prepared;
    }

    /** Runs engine work under the read lock with autograd off, mapping engine failures to typed errors. */
    private <T> T withEngine(java.util.function.Supplier<T> work) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the segmenter is closed");
            }
            boolean grad = EngineSetup.disableGrad();
            try {
                return work.get();
            } finally {
                EngineSetup.restoreGrad(grad);
            }
        } catch (EngineException e) {
            throw new InferenceException("the engine failed: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }
}
