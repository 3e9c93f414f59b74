package io.defectstudio.storage.changes;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Listens on the shared database's {@code defect_studio} channel (LISTEN/NOTIFY; the migrations' triggers announce
 * every committed row) on a connection of its own, and reconnects when the server goes away.
 */
public final class PostgresChangeFeed implements ChangeFeed {
    public static final String CHANNEL = "defect_studio";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    private static final int WAIT_MILLIS = 250;
    private static final long RETRY_MILLIS = 1000;

    private final ConnectionSource connections;
    private final IntSupplier ownWriter;
    private final String description;
    private final List<Consumer<ProjectChange>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> connectionWatchers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    /** Opens a connection that may LISTEN. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** @param ownWriter the server process of this project's writer, so that its own changes are marked ours */
    public PostgresChangeFeed(ConnectionSource connections, IntSupplier ownWriter, String description) {
        this.connections = connections;
        this.ownWriter = ownWriter;
        this.description = description;
        this.thread = new Thread(this::run, "change feed " + description);
        thread.setDaemon(true);
    }

    @Override
    public synchronized AutoCloseable subscribe(Consumer<ProjectChange> listener) {
        listeners.add(listener);
        startListening();
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized AutoCloseable watchConnection(Consumer<Boolean> listener) {
        connectionWatchers.add(listener);
        startListening();
        return () -> connectionWatchers.remove(listener);
    }

    /** The listening thread starts with the first subscriber, once. */
    private void startListening() {
        if (thread.getState() == Thread.State.NEW && !closed) {
            thread.start();
        }
    }

    /** Whether the feed holds a listening connection now (false while the server is away). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (!closed) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                setListening(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        int ours = ownWriter.getAsInt();
                        for (PGNotification notification : notifications) {
                            deliver(ProjectChange.parse(notification.getParameter(), notification.getPID() == ours));
                        }
                    }
                }
            } catch (SQLException e) {
                setListening(false);
                if (!closed) {
                    LOG.warn("{}: change feed lost its connection ({}); reconnecting", description, e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private void setListening(boolean now) {
        if (listening == now) {
            return;
        }
        listening = now;
        for (Consumer<Boolean> watcher : connectionWatchers) {
            try {
                watcher.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("{}: a connection watcher failed", description, e);
            }
        }
    }

    private void deliver(ProjectChange change) {
        for (Consumer<ProjectChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("{}: a change listener failed", description, e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
