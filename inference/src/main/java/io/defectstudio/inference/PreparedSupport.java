package io.defectstudio.inference;

/**
 * A support set encoded once by a {@link Segmenter}, reused for every query. Holds native memory: close it when the
 * support set changes (closing the segmenter closes it too). Safe to share between threads.
 */
public interface PreparedSupport extends AutoCloseable {

    /** Number of support examples. */
    int size();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    @Override
    void close();
}
