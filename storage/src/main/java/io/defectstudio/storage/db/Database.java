package io.defectstudio.storage.db;

import io.defectstudio.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to one database. SQLite has a single writer, so every write in this process is funnelled through one
 * connection under one fair lock, each as a write-locking transaction; other processes are waited for up to the busy
 * timeout. Writes a thread makes while it already runs one join that transaction (see {@link #write}), so a caller can
 * group several repository writes into one. Reads use a small pool of read-only connections and, in WAL mode, never
 * wait for the writer. Connections a server dropped (a restart) are replaced at the next read or write.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_READERS = 4;

    private final SqlDialect dialect;
    // Written under writeLock; replaced when the server dropped it (a restart), see reconnectIfLost.
    private volatile Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock poolLock = new ReentrantLock();
    private final Condition readerReturned = poolLock.newCondition();
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private final Clock clock;
    private volatile boolean closed;
    // Guarded by writeLock: how many writes this thread has open (0 = no transaction), and the failure after which
    // the backend dropped the open transaction (null while it is intact).
    private int depth;
    private Throwable discardedBy;

    public Database(SqlDialect dialect) {
        this(dialect, Clock.systemUTC());
    }

    public Database(SqlDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
        try {
            this.writer = dialect.openWriter();
        } catch (SQLException e) {
            throw dialect.translate(e, "open the database");
        }
    }

    /** Now by this database's clock, in the milliseconds it keeps, so records compare equal after a round trip. */
    public Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The server process behind the writer (-1 for SQLite, or while it is being replaced). */
    public int writerProcessId() {
        try {
            return dialect.serverProcessId(writer);
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Runs {@code work} in one write transaction; commits if it returns, rolls back if it throws. Called while this
     * thread already runs a write, it joins that transaction inside a savepoint instead: its changes commit or roll
     * back with the outer transaction, and if it throws only its own changes are undone.
     */
    public <T> T write(String operation, SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return depth > 0 ? runNested(operation, work) : runTransaction(operation, work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T runTransaction(String operation, SqlWork<T> work) {
        try {
            dialect.beginWrite(writer);
        } catch (SQLException e) {
            // Nothing was sent yet, so after a lost connection the whole write can start again on a new one.
            if (!reconnectIfLost(e, operation)) {
                // A transaction begun but refused its lock (PostgreSQL's lock_timeout) must not linger.
                rollbackQuietly(writer, e);
                throw dialect.translate(e, operation);
            }
            try {
                dialect.beginWrite(writer);
            } catch (SQLException again) {
                rollbackQuietly(writer, again);
                throw dialect.translate(again, operation);
            }
        }
        depth = 1;
        try {
            T result = work.run(writer);
            if (discardedBy != null) {
                throw new StorageException(dialect.describe() + ": cannot " + operation + ": the database discarded"
                        + " the transaction when an earlier step failed", discardedBy);
            }
            dialect.commit(writer);
            return result;
        } catch (SQLException e) {
            rollbackQuietly(writer, e);
            throw dialect.translate(e, operation);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(writer, e);
            throw e;
        } finally {
            depth = 0;
            discardedBy = null;
        }
    }

    /** Runs {@code work} inside the current transaction, under a savepoint so that a failure undoes only its part. */
    private <T> T runNested(String operation, SqlWork<T> work) {
        if (discardedBy != null) {
            throw new StorageException(dialect.describe() + ": cannot " + operation + ": the database discarded the"
                    + " enclosing transaction when an earlier step failed", discardedBy);
        }
        String savepoint = "nested_" + depth;
        try {
            dialect.savepoint(writer, savepoint);
        } catch (SQLException e) {
            discardedBy = e;
            throw dialect.translate(e, operation);
        }
        depth++;
        try {
            T result = work.run(writer);
            dialect.releaseSavepoint(writer, savepoint);
            return result;
        } catch (SQLException e) {
            undoNested(savepoint, e);
            throw dialect.translate(e, operation);
        } catch (RuntimeException | Error e) {
            undoNested(savepoint, e);
            throw e;
        } finally {
            depth--;
        }
    }

    private void undoNested(String savepoint, Throwable cause) {
        try {
            dialect.rollbackToSavepoint(writer, savepoint);
        } catch (SQLException gone) {
            // Some errors (disk full, I/O) make SQLite roll back the whole transaction; nothing may commit after that,
            // or the writes that follow would each commit on their own.
            cause.addSuppressed(gone);
            discardedBy = cause;
        }
    }

    /**
     * Runs {@code work} on a read-only connection inside one snapshot transaction. A read on a connection the server
     * dropped runs once more on a new one: reading twice changes nothing.
     */
    public <T> T read(String operation, SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            // Inside a write: read through the writer so the caller sees its own uncommitted rows.
            return depth > 0 ? runNested(operation, work) : runOnWriter(operation, work);
        }
        for (int attempt = 1; ; attempt++) {
            Connection reader = borrowReader(operation);
            boolean lost = false;
            try {
                return readOn(reader, work);
            } catch (SQLException e) {
                lost = isLost(reader);
                if (!lost || attempt > 1) {
                    throw dialect.translate(e, operation);
                }
                LOG.warn("{}: lost a read connection ({}); reconnecting", dialect.describe(), e.getMessage());
            } finally {
                if (lost) {
                    discardReader(reader);
                } else {
                    returnReader(reader);
                }
            }
        }
    }

    private <T> T readOn(Connection reader, SqlWork<T> work) throws SQLException {
        dialect.beginRead(reader);
        try {
            T result = work.run(reader);
            dialect.commit(reader);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(reader, e);
            throw e;
        }
    }

    /**
     * Replaces the writer if the server dropped it; false when it is still connected (the failure was real).
     * Fails with the reason a new connection could not be made (the server is still away).
     */
    private boolean reconnectIfLost(SQLException failure, String operation) {
        if (!isLost(writer)) {
            return false;
        }
        LOG.warn("{}: lost the connection ({}); reconnecting", dialect.describe(), failure.getMessage());
        closeQuietly(writer);
        try {
            writer = dialect.openWriter();
            return true;
        } catch (SQLException e) {
            e.addSuppressed(failure);
            throw dialect.translate(e, operation);
        }
    }

    private static boolean isLost(Connection connection) {
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Runs {@code work} on the writer connection outside any transaction, holding the write lock: for steps such as
     * migrations that manage their own transactions.
     */
    public <T> T withWriter(String operation, SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return runOnWriter(operation, work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T runOnWriter(String operation, SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw dialect.translate(e, operation);
        }
    }

    private Connection borrowReader(String operation) {
        poolLock.lock();
        try {
            while (true) {
                ensureOpen();
                Connection idle = idleReaders.pollFirst();
                if (idle != null) {
                    return idle;
                }
                if (allReaders.size() < MAX_READERS) {
                    Connection created = dialect.openReader();
                    allReaders.add(created);
                    return created;
                }
                readerReturned.await();
            }
        } catch (SQLException e) {
            throw dialect.translate(e, operation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a database connection to " + operation, e);
        } finally {
            poolLock.unlock();
        }
    }

    private void returnReader(Connection reader) {
        poolLock.lock();
        try {
            if (closed) {
                closeQuietly(reader);
                allReaders.remove(reader);
            } else {
                idleReaders.addFirst(reader);
                readerReturned.signal();
            }
        } finally {
            poolLock.unlock();
        }
    }

    private void discardReader(Connection reader) {
        closeQuietly(reader);
        poolLock.lock();
        try {
            allReaders.remove(reader);
            readerReturned.signal();
        } finally {
            poolLock.unlock();
        }
    }

    private void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException rollbackFailure) {
            // Nothing was begun, or the backend already rolled back; keep the original failure.
            cause.addSuppressed(rollbackFailure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(dialect.describe() + ": the project is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        writeLock.lock();
        poolLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Connection idle : idleReaders) {
                closeQuietly(idle);
                allReaders.remove(idle);
            }
            idleReaders.clear();
            readerReturned.signalAll();
            closeQuietly(writer);
        } finally {
            poolLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing cannot lose committed data; nothing useful to report.
        }
    }
}
