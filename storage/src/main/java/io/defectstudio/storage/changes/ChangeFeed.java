package io.defectstudio.storage.changes;

import java.util.function.Consumer;

/** Tells a station what the others save, as they save it. */
public interface ChangeFeed extends AutoCloseable {

    /** Calls {@code listener} (on the feed's own thread) for every committed change; close the result to stop. */
    AutoCloseable subscribe(Consumer<ProjectChange> listener);

    /**
     * Calls {@code listener} with true when the feed holds a connection to the server and false when it lost it and
     * is reconnecting (on the feed's thread); close the result to stop.
     */
    AutoCloseable watchConnection(Consumer<Boolean> listener);

    /** Stops listening. */
    @Override
    void close();

    /** A single station's project: nothing else writes to it, so nothing is announced. */
    static ChangeFeed none() {
        return new ChangeFeed() {
            @Override
            public AutoCloseable subscribe(Consumer<ProjectChange> listener) {
                return () -> { };
            }

            @Override
            public AutoCloseable watchConnection(Consumer<Boolean> listener) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
    }
}
