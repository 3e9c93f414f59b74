package io.defectstudio.storage.db;

import io.defectstudio.storage.DatabaseLockedException;
import io.defectstudio.storage.ReadOnlyProjectException;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.StorageIoException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one place that knows SQLite: pragmas, locking transactions, upsert syntax and error codes. */
public final class SqliteDialect implements SqlDialect {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;
    private final Duration busyTimeout;

    public SqliteDialect(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    public Path file() {
        return file;
    }

    @Override
    public Connection openWriter() throws SQLException {
        return open();
    }

    @Override
    public Connection openReader() throws SQLException {
        Connection connection = open();
        execute(connection, "PRAGMA query_only = ON");
        return connection;
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        // FULL: a commit that returned survives a power cut, not only a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Override
    public void initialise(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                throw new SQLException("could not switch " + file + " to WAL journal mode");
            }
        }
    }

    @Override
    public String migrationFolder() {
        return "io/defectstudio/storage/db/sqlite";
    }

    @Override
    public int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void setSchemaVersion(Connection connection, int version) throws SQLException {
        // PRAGMA takes no bound parameters; an int cannot inject anything.
        execute(connection, "PRAGMA user_version = " + version);
    }

    /**
     * {@code PRAGMA application_id} of our databases ("DStd"). Databases made before it was set are recognised by
     * their {@code project} and {@code image} tables.
     */
    static final int APPLICATION_ID = 0x44537464;

    @Override
    public Optional<String> foreignReason(Connection connection, int schemaVersion) throws SQLException {
        int id;
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA application_id")) {
                rs.next();
                id = rs.getInt(1);
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (id == APPLICATION_ID) {
            return Optional.empty();
        }
        if (id != 0) {
            return Optional.of(String.format("its application_id is 0x%08x", id));
        }
        if (schemaVersion == 0) {
            return tables.isEmpty() ? Optional.empty()
                    : Optional.of("it already holds " + tables.size() + " table(s) of another application");
        }
        return tables.containsAll(List.of("project", "image")) ? Optional.empty()
                : Optional.of("it has schema version " + schemaVersion + " but none of our tables");
    }

    @Override
    public void markOurs(Connection connection) throws SQLException {
        execute(connection, "PRAGMA application_id = " + APPLICATION_ID);
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        // IMMEDIATE takes the write lock now (waiting up to busy_timeout); DEFERRED would fail later with SQLITE_BUSY.
        // Issued as a statement on an auto-commit connection rather than through SQLiteConfig's TransactionMode:
        // the driver's commit() immediately begins the next transaction, which would keep the write lock held.
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        execute(connection, "BEGIN DEFERRED");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            return;
        }
        execute(connection, "ROLLBACK");
    }

    @Override
    public List<String> integrityProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                problems.add("foreign key violation in " + rs.getString(1) + " row " + rs.getLong(2));
            }
        }
        return problems;
    }

    @Override
    public StorageException translate(SQLException error, String operation) {
        int primary = primaryCode(error);
        return switch (primary) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new DatabaseLockedException(file, busyTimeout, error);
            case SQLITE_READONLY -> new ReadOnlyProjectException(file, operation + " needs to write", error);
            case SQLITE_CANTOPEN -> new StorageIoException(file + ": cannot open the database while trying to "
                    + operation + " (missing folder or no permission): " + error.getMessage(), error);
            case SQLITE_NOTADB -> new StorageIoException(file + " is not a SQLite database: " + error.getMessage(),
                    error);
            default -> new StorageIoException(file + ": failed to " + operation + ": " + error.getMessage(), error);
        };
    }

    private static int primaryCode(SQLException error) {
        if (error instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code.code & 0xff;
        }
        return error.getErrorCode() & 0xff;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
