package io.defectstudio.inference.engine;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
import io.defectstudio.inference.nets.SupportFeatureCache;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The DJL segmenter: encodes a support set once ({@link FewShotNet#encodeSupport}) and decodes queries against it.
 *
 * <p>Images larger than the network input are segmented in overlapping tiles at the working scale of a {@link
 * TileLayout}, blended at the seams by {@link TileBlender}; a support is encoded from a {@link SupportCrop} at that
 * same scale, and {@link SupportViews} adds its mirror images and transposes. Tiles go through the network a few at a
 * time, so native memory is bounded by the batch, not the image.
 * Every call scopes its temporaries in a sub-manager, so native memory stays flat however many queries run.
 */
public final class DjlSegmenter implements Segmenter {

    private final NDManager manager;
    private final FewShotNet net;
    private final Manifest manifest;
    /**
     * Tiles decoded in one network pass. On a CPU a batch costs as much as its tiles one by one, while each tile's
     * matching holds a (positions x positions) similarity of about 160 MB at 320x320; on a GPU a batch amortises the
     * call.
     */
    private static final int CPU_TILE_BATCH = 1;
    private static final int GPU_TILE_BATCH = 4;

    private final Preprocessor pre;
    private final TileLayout layout;
    private final int tileBatch;
    private final Postprocessor post;
    private final ModelInfo info;
    private final Set<DjlPreparedSupport> supports = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private DjlSegmenter(NDManager manager, FewShotNet net, Manifest manifest, int detail) {
        this.manager = manager;
        this.net = net;
        this.manifest = manifest;
        this.pre = Preprocessor.of(manifest);
        this.tileBatch = manager.getDevice().isGpu() ? GPU_TILE_BATCH : CPU_TILE_BATCH;
        this.layout = new TileLayout(pre.width(), pre.height(), detail > 0 ? detail : manifest.detail());
        this.post = new Postprocessor(manifest.threshold());
        this.info = new ModelInfo(manifest.name(), manifest.version(), manifest.architecture(), manifest.backbone(),
                pre.width(), pre.height(), layout.detail(), manifest.threshold(), manifest.training().classes(),
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
            if (options.supportCacheMiB() > 0) {
                net.cacheSupportFeatures(new SupportFeatureCache(manager, (long) options.supportCacheMiB() << 20));
            }
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
                    Preprocessor.checkSize(e.image(), "support image");
                    Rectangle crop = SupportCrop.of(e.mask(), layout);
                    images.add(pre.image(scope, e.image(), crop));
                    masks.add(pre.mask(scope, e.mask(), crop));
                }
                SupportViews.Crops views = SupportViews.of(new SupportViews.Crops(images, masks),
                        SupportViews.perShot(manifest.supportViews(), examples.size()));
                NDList encoded = net.encodeSupport(new ParameterStore(scope, false),
                        NDArrays.stack(views.images()).expandDims(0), NDArrays.stack(views.masks()).expandDims(0),
                        false);
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
            List<Tiled> tiled = new ArrayList<>(queries.size());
            for (BufferedImage q : queries) {
                tiled.add(new Tiled(q));
            }
            List<Tile> pending = new ArrayList<>();
            for (Tiled t : tiled) {
                for (int y : layout.rows(t.height)) {
                    for (int x : layout.columns(t.width)) {
                        pending.add(new Tile(t, x, y));
                    }
                }
            }
            int batch = Math.max(tileBatch, queries.size());
            for (int from = 0; from < pending.size(); from += batch) {
                decode(prepared, pending.subList(from, Math.min(pending.size(), from + batch)));
            }
            long share = (System.nanoTime() - start) / 1_000_000 / queries.size();
            List<Segmentation> results = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                BufferedImage q = queries.get(i);
                Tiled t = tiled.get(i);
                long t0 = System.nanoTime();
                Segmentation s = post.fromWorking(t.blender.probability(), t.width, t.height, q.getWidth(),
                        q.getHeight(), 0);
                long latency = share + (System.nanoTime() - t0) / 1_000_000;
                results.add(s.withLatency(latency));
            }
            return results;
        });
    }

    /** Runs a few tiles through the network in one batch and blends their probabilities into their images. */
    private void decode(DjlPreparedSupport prepared, List<Tile> tiles) {
        int tw = pre.width();
        int th = pre.height();
        int plane = tw * th;
        float[] batch = new float[tiles.size() * 3 * plane];
        for (int b = 0; b < tiles.size(); b++) {
            Tile tile = tiles.get(b);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < th; y++) {
                    System.arraycopy(tile.image.working, (c * tile.image.height + tile.y + y) * tile.image.width
                            + tile.x, batch, (b * 3 + c) * plane + y * tw, tw);
                }
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = scope.create(batch, new Shape(tiles.size(), 3, th, tw));
            NDList out = net.decode(new ParameterStore(scope, false), input, prepared.viewsIn(scope), false);
            float[] p = Activation.sigmoid(out.get(0)).toFloatArray();
            for (int b = 0; b < tiles.size(); b++) {
                Tile tile = tiles.get(b);
                tile.image.blender.add(p, b * plane, tile.x, tile.y);
            }
        }
    }

    /** A query at its working size: the normalised image the tiles are cut from and the blend of their results. */
    private final class Tiled {
        final int width;
        final int height;
        final float[] working;
        final TileBlender blender;

        Tiled(BufferedImage query) {
            Dimension work = layout.workingSize(query.getWidth(), query.getHeight());
            width = work.width;
            height = work.height;
            working = pre.normalised(query, new Rectangle(0, 0, query.getWidth(), query.getHeight()), width, height);
            blender = new TileBlender(width, height, pre.width(), pre.height());
        }
    }

    private record Tile(Tiled image, int x, int y) {}

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
