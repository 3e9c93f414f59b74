package io.defectstudio.app.workspace;

import io.defectstudio.app.paint.MaskLayer;
import io.defectstudio.app.queue.QueueEntry;
import io.defectstudio.storage.DatabaseLockedException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Segments the unsettled images of one class against its stored support masks and stores the predictions: the
 * headless counterpart of the workstation's few-shot loop, used by {@code defect-studio segment}. An image that fails
 * is reported and the run goes on; a locked project database stops the run at the first time-out, since every further
 * image would wait as long again.
 */
public final class HeadlessSegmentationLoop {
    /** One stored prediction. */
    public record Result(long imageId, String imageName, BufferedImage mask, double confidence, long latencyMillis) {
    }

    /** Progress after each image. */
    public interface Progress {
        void done(int count, int total, Result last);
    }

    private final ProjectStore store;
    private final SegmentationPort engine;

    public HeadlessSegmentationLoop(ProjectStore store, SegmentationPort engine) {
        this.store = store;
        this.engine = engine;
    }

    /** The support set of a class: up to five non-empty stored support masks. */
    public List<SegmentationPort.Support> support(long classId) {
        List<SegmentationPort.Support> out = new ArrayList<>();
        for (ProjectStore.ImageInfo img : store.images()) {
            Optional<ProjectStore.StoredMask> m = store.latestMask(img.id(), classId);
            if (m.isPresent() && m.get().kind() == ProjectStore.MaskKind.SUPPORT
                    && out.size() < SegmentationLoop.MAX_SUPPORT) {
                BufferedImage mask = store.readMask(m.get().annotationId());
                if (MaskLayer.fromImage(mask).countSet() > 0) {
                    out.add(new SegmentationPort.Support(store.readImage(img.id()), mask));
                }
            }
        }
        return out;
    }

    /**
     * Segments every image of the class that is not support, accepted or corrected; blocks until done.
     *
     * @throws IllegalStateException naming how many images failed and the first reason, or that the database is
     *     locked; what was stored before stays stored
     */
    public List<Result> run(long classId, Progress progress) throws InterruptedException {
        List<SegmentationPort.Support> support = support(classId);
        if (support.isEmpty()) {
            throw new IllegalStateException("the class has no painted support image: mark 1-5 images as support first");
        }
        QueueLoader loader = new QueueLoader(store);
        List<ProjectStore.ImageInfo> todo = new ArrayList<>();
        for (ProjectStore.ImageInfo img : store.images()) {
            QueueEntry e = loader.entry(img, classId, java.util.Set.of());
            if (!e.status().isSettled()) {
                todo.add(img);
            }
        }
        Map<Long, ProjectStore.ImageInfo> byId = new ConcurrentHashMap<>();
        todo.forEach(i -> byId.put(i.id(), i));
        List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch latch = new CountDownLatch(todo.size());
        long[] generation = new long[1];
        AtomicReference<DatabaseLockedException> locked = new AtomicReference<>();
        engine.setListener(new SegmentationPort.Listener() {
            @Override
            public void segmented(long imageId, long gen, SegmentationPort.Result result) {
                if (gen != generation[0] || locked.get() != null) {
                    return;
                }
                try {
                    store.savePrediction(imageId, classId, engine.modelName(), result);
                    Result r = new Result(imageId, byId.get(imageId).name(), result.mask(), result.confidence(),
                            result.latencyMillis());
                    results.add(r);
                    progress.done(results.size(), todo.size(), r);
                } catch (DatabaseLockedException e) {
                    if (locked.compareAndSet(null, e)) {
                        engine.cancelAll();
                        while (latch.getCount() > 0) {
                            latch.countDown();
                        }
                    }
                    return;
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                latch.countDown();
            }

            @Override
            public void failed(long imageId, long gen, Throwable error) {
                if (gen == generation[0]) {
                    failures.add(error);
                    latch.countDown();
                }
            }
        });
        generation[0] = engine.setSupport(support);
        for (ProjectStore.ImageInfo img : todo) {
            engine.submit(img.id(), () -> store.readImage(img.id()));
        }
        latch.await();
        if (locked.get() != null) {
            throw new IllegalStateException("stopped: " + locked.get().getMessage() + ". " + results.size() + " of "
                    + todo.size() + " prediction(s) were stored; close the other program and run again",
                    locked.get());
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw new IllegalStateException(failures.size() + " image(s) failed, first: " + first.getMessage(), first);
        }
        return List.copyOf(results);
    }
}
