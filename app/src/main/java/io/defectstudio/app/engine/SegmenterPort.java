package io.defectstudio.app.engine;

import io.defectstudio.app.workspace.SegmentationPort;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link SegmentationPort} over an inference {@link Segmenter}: one worker thread takes queued images in order (a
 * prioritised image jumps to the front) and segments them against the prepared support. A new support set bumps the
 * generation, drops the queue and closes the old support once no query uses it.
 */
public final class SegmenterPort implements SegmentationPort {
    private final Segmenter segmenter;
    private final Object lock = new Object();
    private final LinkedHashMap<Long, Supplier<BufferedImage>> queue = new LinkedHashMap<>();
    private final Thread worker;
    private volatile Listener listener = new Listener() {
        @Override
        public void segmented(long imageId, long generation, BufferedImage mask, double confidence, long latency) {
        }

        @Override
        public void failed(long imageId, long generation, Throwable error) {
        }
    };
    private PreparedSupport support;
    private long generation;
    private boolean closed;

    public SegmenterPort(Segmenter segmenter) {
        this.segmenter = segmenter;
        this.worker = new Thread(this::work, "ds-segmentation");
        worker.setDaemon(true);
        worker.setPriority(Thread.NORM_PRIORITY - 1);
        worker.start();
    }

    @Override
    public String modelName() {
        var m = segmenter.model();
        return m.name() + " " + m.version() + " (" + m.architecture() + "/" + m.backbone() + ")";
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
        PreparedSupport prepared = segmenter.prepare(SupportSet.of(list));
        PreparedSupport old;
        long gen;
        synchronized (lock) {
            old = support;
            support = prepared;
            gen = ++generation;
            queue.clear();
        }
        if (old != null) {
            old.close();
        }
        return gen;
    }

    @Override
    public void submit(long imageId, Supplier<BufferedImage> image) {
        synchronized (lock) {
            queue.put(imageId, image);
            lock.notifyAll();
        }
    }

    @Override
    public void prioritise(long imageId) {
        synchronized (lock) {
            Supplier<BufferedImage> s = queue.remove(imageId);
            if (s != null) {
                LinkedHashMap<Long, Supplier<BufferedImage>> rest = new LinkedHashMap<>(queue);
                queue.clear();
                queue.put(imageId, s);
                queue.putAll(rest);
            }
        }
    }

    @Override
    public void cancelAll() {
        synchronized (lock) {
            queue.clear();
        }
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Images waiting, for tests and progress. */
    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private void work() {
        while (true) {
            long id;
            long gen;
            Supplier<BufferedImage> source;
            PreparedSupport prepared;
            synchronized (lock) {
                while (!closed && queue.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Map.Entry<Long, Supplier<BufferedImage>> first = queue.entrySet().iterator().next();
                queue.remove(first.getKey());
                id = first.getKey();
                source = first.getValue();
                gen = generation;
                prepared = support;
            }
            try {
                Segmentation r = segmenter.segment(prepared, source.get());
                listener.segmented(id, gen, r.mask(), r.confidence(), r.latencyMillis());
            } catch (RuntimeException e) {
                boolean stale;
                synchronized (lock) {
                    stale = gen != generation || closed;
                }
                // a support replaced mid-query is closed under it: that query is simply stale
                if (!stale) {
                    listener.failed(id, gen, e);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            queue.clear();
            lock.notifyAll();
        }
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (support != null) {
                support.close();
                support = null;
            }
        }
        segmenter.close();
    }
}
