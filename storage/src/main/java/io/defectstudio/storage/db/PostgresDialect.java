package io.defectstudio.storage.db;

import io.defectstudio.storage.DatabaseLockedException;
import io.defectstudio.storage.LoginRefusedException;
import io.defectstudio.storage.PermissionDeniedException;
import io.defectstudio.storage.ReadOnlyProjectException;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.StorageIoException;

import org.postgresql.PGConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The one place that knows PostgreSQL: a shared project's database, which several stations write at once.
 *
 * <p>Writes from every station are serialised by one transaction-scoped advisory lock, the same single-writer rule
 * SQLite's {@code BEGIN IMMEDIATE} gives a project file: read-then-write steps (the next annotation version) stay
 * correct across stations, and a station waits at most the busy timeout for the others. The password is never part
 * of the URL: the driver reads it from the standard {@code ~/.pgpass} (or {@code PGPASSFILE}), or the caller passes
 * it. The driver's default {@code sslmode=prefer} uses TLS whenever the server offers it.
 */
public final class PostgresDialect implements SqlDialect {
    /** The advisory lock every write holds: "DStd", as SQLite's application_id. */
    static final long WRITE_LOCK = 0x44537464L;
    private static final String SCHEMA_TABLE = "defect_studio_schema";

    private final String url;
    private final Path location;
    private final Duration busyTimeout;
    private final Properties credentials;

    /**
     * @param url         a {@code jdbc:postgresql:} URL without a password
     * @param location    where the shared project is described, for messages and typed faults
     * @param busyTimeout how long a write waits for the other stations
     * @param credentials {@code user} and {@code password} when the caller has them; without a user the URL's, else
     *                    the operating-system login name; without a password the driver reads {@code ~/.pgpass}
     */
    public PostgresDialect(String url, Path location, Duration busyTimeout, Properties credentials) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): "
                    + url);
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("the URL must not hold the password; put it in ~/.pgpass");
        }
        this.url = url;
        this.location = location;
        this.busyTimeout = busyTimeout;
        this.credentials = (Properties) credentials.clone();
        if (!this.credentials.containsKey("user") && !url.contains("user=")) {
            // As psql: the operating-system login name.
            this.credentials.setProperty("user", System.getProperty("user.name"));
        }
    }

    public String url() {
        return url;
    }

    /** The role this station logs in as. */
    public String user() {
        String explicit = credentials.getProperty("user");
        if (explicit != null) {
            return explicit;
        }
        int at = url.indexOf("user=");
        String rest = url.substring(at + "user=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }

    @Override
    public Connection openWriter() throws SQLException {
        return open(false);
    }

    @Override
    public Connection openReader() throws SQLException {
        return open(true);
    }

    private Connection open(boolean readOnly) throws SQLException {
        Properties props = (Properties) credentials.clone();
        props.setProperty("ApplicationName", "Defect Studio");
        props.setProperty("connectTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        // The driver lets the URL's parameters win over the properties; a station's own login must win.
        String target = credentials.containsKey("user") ? withoutParameter(url, "user") : url;
        Connection connection = DriverManager.getConnection(target, props);
        try (Statement statement = connection.createStatement()) {
            // 0 means "wait for ever" to PostgreSQL but "do not wait" to a busy timeout.
            statement.execute("SET lock_timeout = " + Math.max(1, busyTimeout.toMillis()));
            connection.setReadOnly(readOnly);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void initialise(Connection writer) {
        // Durability and isolation are the server's settings; nothing to switch per database.
    }

    @Override
    public String migrationFolder() {
        return "io/defectstudio/storage/db/postgres";
    }

    @Override
    public int schemaVersion(Connection connection) throws SQLException {
        if (!hasSchemaTable(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + SCHEMA_TABLE)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public void setSchemaVersion(Connection connection, int version) throws SQLException {
        Jdbc.update(connection, "UPDATE " + SCHEMA_TABLE + " SET version = ?", version);
    }

    @Override
    public Optional<String> foreignReason(Connection connection, int schemaVersion) throws SQLException {
        if (hasSchemaTable(connection)) {
            return Optional.empty();
        }
        long tables = Jdbc.count(connection, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = current_schema()");
        return tables == 0 ? Optional.empty()
                : Optional.of("it already holds " + tables + " table(s) of another application");
    }

    @Override
    public void markOurs(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA_TABLE
                    + " (version INTEGER NOT NULL, application TEXT NOT NULL DEFAULT 'Defect Studio')");
        }
        if (Jdbc.count(connection, "SELECT count(*) FROM " + SCHEMA_TABLE) == 0) {
            Jdbc.update(connection, "INSERT INTO " + SCHEMA_TABLE + " (version) VALUES (0)");
        }
    }

    private static boolean hasSchemaTable(Connection connection) throws SQLException {
        return Jdbc.one(connection, "SELECT to_regclass(?) IS NOT NULL", rs -> rs.getBoolean(1), SCHEMA_TABLE)
                .orElse(false);
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        execute(connection, "BEGIN");
        execute(connection, "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        execute(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    @Override
    public int serverProcessId(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void afterExplicitIds(Connection connection, String table) throws SQLException {
        // Identity columns do not see explicit ids; without this the next insert would collide with a copied row.
        Jdbc.one(connection, "SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL)"
                + " FROM " + table, rs -> rs.getLong(1), table);
    }

    @Override
    public List<String> integrityProblems(Connection connection) {
        // The server checks its pages itself (and data checksums when enabled); foreign keys are always enforced.
        return List.of();
    }

    @Override
    public StorageException translate(SQLException error, String operation) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        if (state.equals("55P03") || state.equals("40P01")) {
            return new DatabaseLockedException(location, busyTimeout, error);
        }
        if (state.equals("42501")) {
            String why = String.valueOf(error.getMessage()).contains("row-level security")
                    ? "only a supervisor's role records a supervisor's verdict" : error.getMessage();
            return new PermissionDeniedException(describe() + ": the database role " + user() + " may not "
                    + operation + ": " + why, error);
        }
        if (state.equals("25006")) {
            return new ReadOnlyProjectException(location, operation + " needs a writable database ("
                    + error.getMessage() + ")", error);
        }
        // 08004: the driver had no password to offer (none in ~/.pgpass).
        if (state.startsWith("28") || state.equals("08004")) {
            return new LoginRefusedException(describe() + ": the server refused the login while trying to " + operation
                    + " (check the user and ~/.pgpass): " + error.getMessage(), error);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new StorageIoException(describe() + ": cannot reach the server while trying to " + operation
                    + ": " + error.getMessage(), error);
        }
        return new StorageIoException(describe() + ": failed to " + operation + ": " + error.getMessage(), error);
    }

    @Override
    public String describe() {
        return url;
    }

    private static String withoutParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith(name + "=")).collect(Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
