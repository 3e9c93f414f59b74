package io.defectstudio.training.adapt;

import io.defectstudio.inference.ModelInfo;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmenter;

/**
 * The base of a segmenter that adds a step to another's (fitting the network to each support set, a threshold per
 * set): what it does not change goes to the inner segmenter, which it owns, and each set it prepares wraps the inner
 * segmenter's prepared set in a {@link Wrapped}.
 *
 * @param <S> the prepared sets this segmenter hands out
 */
abstract class ForwardingSegmenter<S extends ForwardingSegmenter.Wrapped> implements Segmenter {

    private final Segmenter inner;
    private final Class<S> wrapped;

    ForwardingSegmenter(Segmenter inner, Class<S> wrapped) {
        this.inner = inner;
        this.wrapped = wrapped;
    }

    /** The segmenter this one adds its step to. */
    Segmenter inner() {
        return inner;
    }

    @Override
    public ModelInfo model() {
        return inner.model();
    }

    @Override
    public String device() {
        return inner.device();
    }

    @Override
    public void close() {
        inner.close();
    }

    /**
     * A set this segmenter prepared and that is still open.
     *
     * @throws IllegalArgumentException for a set another segmenter prepared
     * @throws IllegalStateException for a closed set
     */
    S check(PreparedSupport support) {
        if (!wrapped.isInstance(support) || ((Wrapped) support).owner != this) {
            throw new IllegalArgumentException("the support set was prepared by another segmenter");
        }
        if (support.isClosed()) {
            throw new IllegalStateException("the prepared support set is closed");
        }
        return wrapped.cast(support);
    }

    /** A prepared set around the inner segmenter's; closing it closes that one. */
    abstract static class Wrapped implements PreparedSupport {
        private final ForwardingSegmenter<?> owner;
        final PreparedSupport inner;

        Wrapped(ForwardingSegmenter<?> owner, PreparedSupport inner) {
            this.owner = owner;
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public boolean isClosed() {
            return inner.isClosed();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
