package io.defectstudio.app.engine;

import io.defectstudio.app.workspace.SegmentationPort;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.service.SegmentationListener;
import io.defectstudio.inference.service.SegmentationService;
import io.defectstudio.inference.service.ServiceOptions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link SegmentationPort} over the inference module's {@link SegmentationService}: its background queue, priority
 * and support invalidation, with results tagged by the support generation they belong to. Owns the segmenter.
 */
public final class SegmentationServicePort implements SegmentationPort {
    private static final Listener NONE = new Listener() {
        @Override
        public void segmented(long imageId, long generation, Result result) {
        }

        @Override
        public void failed(long imageId, long generation, Throwable error) {
        }
    };

    private final Segmenter segmenter;
    private final boolean fitsToSupport;
    private final SegmentationService service;
    private final AtomicLong generation = new AtomicLong();
    private volatile Listener listener = NONE;

    /** @param fitsToSupport the segmenter tunes its network to each support set (its bundle says so) */
    public SegmentationServicePort(Segmenter segmenter, boolean fitsToSupport) {
        this.segmenter = segmenter;
        this.fitsToSupport = fitsToSupport;
        this.service = new SegmentationService(segmenter, new SegmentationListener() {
            @Override
            public void onResult(String id, Segmentation r) {
                // The peak takes a pass at the image's size: here on the engine's worker, not on the writer or UI
                // thread that store and sort the prediction by it.
                r.probabilityMap().peak();
                listener.segmented(Long.parseLong(id), generation.get(),
                        new Result(r.mask(), r.probabilityMap(), r.confidence(), r.latencyMillis()));
            }

            @Override
            public void onError(String id, Exception error) {
                listener.failed(Long.parseLong(id), generation.get(), error);
            }
        }, ServiceOptions.forDevice(segmenter.device()));
    }

    @Override
    public String modelName() {
        var m = segmenter.model();
        return m.name() + " " + m.version() + " (" + m.architecture() + "/" + m.backbone() + ", detail " + m.detail()
                + ")";
    }

    @Override
    public double threshold() {
        return segmenter.model().threshold();
    }

    @Override
    public boolean fitsToSupport() {
        return fitsToSupport;
    }

    @Override
    public String deviceName() {
        String d = segmenter.device();
        return d.toLowerCase().startsWith("gpu") ? "GPU " + d : "CPU";
    }

    @Override
    public long setSupport(List<Support> examples) {
        List<SupportExample> list = new ArrayList<>();
        examples.forEach(s -> list.add(new SupportExample(s.image(), s.mask())));
        long gen = generation.incrementAndGet();
        service.setSupport(SupportSet.of(list));
        return gen;
    }

    @Override
    public void submit(long imageId, Supplier<BufferedImage> image) {
        service.submit(Long.toString(imageId), image::get);
    }

    @Override
    public void prioritise(long imageId) {
        service.prioritise(Long.toString(imageId));
    }

    @Override
    public void cancelAll() {
        service.cancelAll();
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener == null ? NONE : listener;
    }

    @Override
    public void close() {
        service.close();
        segmenter.close();
    }
}
