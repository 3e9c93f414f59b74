package io.defectstudio.inference.service;

import io.defectstudio.inference.InferenceException;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportSet;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments a queue of query images in the background against the current support set.
 *
 * <ul>
 *   <li>Results go to the listener one by one as they are ready.</li>
 *   <li>{@link #prioritise} moves a pending image to the front (the one the user is looking at).</li>
 *   <li>{@link #cancel}/{@link #cancelAll} drop pending work; results of cancelled work in flight are discarded.</li>
 *   <li>{@link #setSupport} drops all pending and in-flight work of the old support set; the support set is encoded
 *       once, on a worker, and reused for every query.</li>
 * </ul>
 *
 * No method blocks on inference, so all may be called from a UI thread. The service does not own the segmenter.
 */
public final class SegmentationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentationService.class);

    private final Segmenter segmenter;
    private final SegmentationListener listener;
    private final ServiceOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Item> queue = new ArrayDeque<>();
    private final Map<String, Item> pending = new HashMap<>();
    private final Set<Item> inFlight = new HashSet<>();
    private final List<Thread> workers = new ArrayList<>();
    private SupportHandle support;
    private int done;
    private int total;
    private boolean closed;

    public SegmentationService(Segmenter segmenter, SegmentationListener listener) {
        this(segmenter, listener, ServiceOptions.forDevice(segmenter.device()));
    }

    public SegmentationService(Segmenter segmenter, SegmentationListener listener, ServiceOptions options) {
        this.segmenter = segmenter;
        this.listener = listener;
        this.options = options;
        for (int i = 0; i < options.workers(); i++) {
            Thread t = new Thread(this::work, "segmentation-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /**
     * Makes {@code newSupport} current. Pending work is dropped and in-flight results are discarded, since they were
     * computed against the old support set.
     *
     * @return ids of the dropped pending queries, for the caller to resubmit if wanted
     */
    public List<String> setSupport(SupportSet newSupport) {
        lock.lock();
        try {
            checkOpen();
            List<String> dropped = dropAll();
            if (support != null) {
                support.retire();
            }
            support = new SupportHandle(newSupport);
            done = 0;
            total = 0;
            changed.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Queues an already decoded image. */
    public void submit(String id, BufferedImage image) {
        submit(id, () -> image);
    }

    /**
     * Queues a query at the back. Resubmitting a pending id replaces it in place.
     *
     * @throws IllegalStateException when no support set has been set
     */
    public void submit(String id, ImageSource source) {
        lock.lock();
        try {
            checkOpen();
            if (support == null) {
                throw new IllegalStateException("set a support set before submitting queries");
            }
            Item old = pending.get(id);
            Item item = new Item(id, source, support);
            if (old != null) {
                replace(old, item);
            } else {
                queue.addLast(item);
                total++;
            }
            pending.put(id, item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        progress();
    }

    /** Moves a pending query to the front of the queue; false when it is not pending (done, running or unknown). */
    public boolean prioritise(String id) {
        lock.lock();
        try {
            Item item = pending.get(id);
            if (item == null) {
                return false;
            }
            queue.remove(item);
            queue.addFirst(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels one query, pending or in flight; false when it was neither. */
    public boolean cancel(String id) {
        boolean cancelled = false;
        lock.lock();
        try {
            Item item = pending.remove(id);
            if (item != null) {
                queue.remove(item);
                total--;
                cancelled = true;
            }
            for (Item running : inFlight) {
                if (running.id.equals(id) && !running.cancelled && !running.emitted) {
                    running.cancelled = true;
                    total--;
                    cancelled = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            progress();
        }
        return cancelled;
    }

    /** Cancels everything pending and in flight; returns the ids of the dropped pending queries. */
    public List<String> cancelAll() {
        List<String> dropped;
        lock.lock();
        try {
            dropped = dropAll();
        } finally {
            lock.unlock();
        }
        progress();
        return dropped;
    }

    /** Queries waiting for a worker. */
    public int pendingCount() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ids of waiting queries in the order they will run. */
    public List<String> pendingIds() {
        lock.lock();
        try {
            return queue.stream().map(i -> i.id).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the workers (waiting for the batches they are running) and frees the encoded support set. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            dropAll();
            if (support != null) {
                support.retire();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<String> dropAll() {
        List<String> dropped = queue.stream().map(i -> i.id).toList();
        queue.clear();
        pending.clear();
        for (Item running : inFlight) {
            running.cancelled = true;
        }
        total = done;
        return dropped;
    }

    private void replace(Item old, Item item) {
        List<Item> items = new ArrayList<>(queue);
        queue.clear();
        for (Item i : items) {
            queue.addLast(i == old ? item : i);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the segmentation service is closed");
        }
    }

    private void work() {
        while (true) {
            List<Item> batch = new ArrayList<>();
            SupportHandle handle;
            lock.lock();
            try {
                while (!closed && queue.isEmpty()) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                Iterator<Item> it = queue.iterator();
                handle = queue.peekFirst().support;
                while (it.hasNext() && batch.size() < options.maxBatch()) {
                    Item item = it.next();
                    if (item.support == handle) {
                        it.remove();
                        pending.remove(item.id);
                        inFlight.add(item);
                        batch.add(item);
                    }
                }
                handle.acquire();
            } finally {
                lock.unlock();
            }
            try {
                run(handle, batch);
            } catch (RuntimeException | Error e) {
                // Whatever went wrong, the batch fails and the worker lives on: a caller waits for every item.
                LOG.error("segmentation worker failed on a batch of {}", batch.size(), e);
                batch.forEach(item -> finish(item, null, failure(e)));
            } finally {
                lock.lock();
                try {
                    inFlight.removeAll(batch);
                    handle.release();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void run(SupportHandle handle, List<Item> batch) {
        PreparedSupport prepared;
        try {
            prepared = handle.prepared(segmenter);
        } catch (RuntimeException e) {
            batch.forEach(item -> finish(item, null, e));
            return;
        }
        List<Item> loaded = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (Item item : batch) {
            if (item.cancelled) {
                continue;
            }
            try {
                BufferedImage image = item.source.load();
                if (image == null) {
                    throw new IllegalArgumentException("the image could not be decoded");
                }
                loaded.add(item);
                images.add(image);
            } catch (Exception | OutOfMemoryError e) {
                finish(item, null, failure(e));
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        try {
            List<Segmentation> results = segmenter.segmentBatch(prepared, images);
            for (int i = 0; i < loaded.size(); i++) {
                finish(loaded.get(i), results.get(i), null);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            if (loaded.size() == 1) {
                finish(loaded.get(0), null, failure(e));
                return;
            }
            // One bad query must not fail its batch neighbours: retry them one by one.
            for (int i = 0; i < loaded.size(); i++) {
                try {
                    finish(loaded.get(i), segmenter.segment(prepared, images.get(i)), null);
                } catch (RuntimeException | OutOfMemoryError single) {
                    finish(loaded.get(i), null, failure(single));
                }
            }
        }
    }

    /** The exception a listener receives; running out of heap is said in words, with what to do. */
    private static Exception failure(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return new InferenceException("out of memory for this image (" + t.getMessage() + "); give Java more heap"
                    + " (-Xmx) or segment at a lower detail", t);
        }
        return t instanceof Exception e ? e : new InferenceException("segmentation failed: " + t, t);
    }

    private void finish(Item item, Segmentation result, Exception error) {
        lock.lock();
        try {
            if (item.cancelled || item.emitted || item.support != support) {
                return;
            }
            item.emitted = true;
            done++;
        } finally {
            lock.unlock();
        }
        try {
            if (error == null) {
                listener.onResult(item.id, result);
            } else {
                listener.onError(item.id, error);
            }
        } catch (RuntimeException e) {
            LOG.warn("segmentation listener failed for {}", item.id, e);
        }
        progress();
    }

    private void progress() {
        int d;
        int t;
        lock.lock();
        try {
            d = done;
            t = total;
        } finally {
            lock.unlock();
        }
        try {
            listener.onProgress(d, t);
        } catch (RuntimeException e) {
            LOG.warn("segmentation listener failed on progress", e);
        }
    }

    /** A queued query. */
    private static final class Item {
        final String id;
        final ImageSource source;
        final SupportHandle support;
        volatile boolean cancelled;
        volatile boolean emitted;

        Item(String id, ImageSource source, SupportHandle support) {
            this.id = id;
            this.source = source;
            this.support = support;
        }
    }

    /**
     * A support set and its encoding, prepared on first use and closed once it is retired and no batch uses it.
     * acquire/release/retire run under the service lock.
     */
    private static final class SupportHandle {
        private final SupportSet set;
        private PreparedSupport prepared;
        private int users;
        private boolean retired;

        SupportHandle(SupportSet set) {
            this.set = set;
        }

        void acquire() {
            users++;
        }

        void release() {
            users--;
            closeIfUnused();
        }

        void retire() {
            retired = true;
            closeIfUnused();
        }

        synchronized PreparedSupport prepared(Segmenter segmenter) {
            if (prepared == null) {
                prepared = segmenter.prepare(set);
            }
            return prepared;
        }

        private void closeIfUnused() {
            if (retired && users == 0) {
                synchronized (this) {
                    if (prepared != null) {
                        prepared.close();
                        prepared = null;
                    }
                }
            }
        }
    }
}
