package io.defectstudio.inference.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.PreparedSupport;
import java.util.concurrent.atomic.AtomicBoolean;

/** An encoded support set; its tensors live in their own manager, freed on close. */
final class DjlPreparedSupport implements PreparedSupport {

    private final DjlSegmenter owner;
    private final NDManager manager;
    private final NDList encoded;
    private final int size;
    private final AtomicBoolean closed = new AtomicBoolean();

    DjlPreparedSupport(DjlSegmenter owner, NDManager manager, NDList encoded, int size) {
        this.owner = owner;
        this.manager = manager;
        this.encoded = encoded;
        this.size = size;
    }

    DjlSegmenter owner() {
        return owner;
    }

    /**
     * Views of the encoded tensors attached to {@code scope}, so that results of operations on them land in the
     * caller's scope rather than in this long-lived manager, even with several threads decoding at once.
     */
    NDList viewsIn(NDManager scope) {
        NDList views = new NDList(encoded.size());
        for (NDArray a : encoded) {
            NDArray view = a.reshape(a.getShape());
            view.attach(scope);
            views.add(view);
        }
        return views;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            owner.release(this);
            manager.close();
        }
    }
}
