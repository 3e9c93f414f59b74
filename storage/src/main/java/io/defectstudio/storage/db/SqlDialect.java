package io.defectstudio.storage.db;

import io.defectstudio.storage.StorageException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything that differs between database backends (SQLite for a project folder, PostgreSQL for a shared project).
 * Repositories write portable SQL and ask the dialect for the rest; the defaults are the standard SQL both speak.
 */
public interface SqlDialect {

    /** Opens the single connection all writes go through. */
    Connection openWriter() throws SQLException;

    /** Opens a connection that only reads. */
    Connection openReader() throws SQLException;

    /** Persistent, backend-wide settings applied once the schema version has been found acceptable. */
    void initialise(Connection writer) throws SQLException;

    /** Class-path folder of this backend's numbered migration scripts. */
    String migrationFolder();

    int schemaVersion(Connection connection) throws SQLException;

    /** Records the schema version inside the current migration transaction. */
    void setSchemaVersion(Connection connection, int version) throws SQLException;

    /** Starts a transaction that holds the write lock from its first statement (read-then-write safe). */
    void beginWrite(Connection connection) throws SQLException;

    /** Starts a transaction that sees one consistent snapshot. */
    void beginRead(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** Marks a point inside the open write transaction that {@link #rollbackToSavepoint} can return to. */
    default void savepoint(Connection connection, String name) throws SQLException {
        execute(connection, "SAVEPOINT " + requireIdentifier(name));
    }

    /** Forgets a savepoint, keeping its changes in the enclosing transaction. */
    default void releaseSavepoint(Connection connection, String name) throws SQLException {
        execute(connection, "RELEASE SAVEPOINT " + requireIdentifier(name));
    }

    /** Undoes the changes made since the savepoint and forgets it; fails if the transaction itself is gone. */
    default void rollbackToSavepoint(Connection connection, String name) throws SQLException {
        // ROLLBACK TO keeps the savepoint open; release it so the enclosing transaction goes on as before it.
        execute(connection, "ROLLBACK TO SAVEPOINT " + requireIdentifier(name));
        execute(connection, "RELEASE SAVEPOINT " + name);
    }

    /** {@code insertSql} extended so that executing it as a query returns the new row's {@code id}. */
    default String returningId(String insertSql) {
        return insertSql + " RETURNING id";
    }

    /** INSERT that leaves an existing row with the same key untouched. */
    default String insertIgnoringConflict(String table, List<String> keyColumns, List<String> columns) {
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO NOTHING";
    }

    /** INSERT that replaces the non-key columns of an existing row with the same key. */
    default String upsert(String table, List<String> keyColumns, List<String> columns) {
        String updates = columns.stream().filter(c -> !keyColumns.contains(c))
                .map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + updates;
    }

    /** The server process serving {@code connection}, or -1 where there is no server (SQLite). */
    default int serverProcessId(Connection connection) throws SQLException {
        return -1;
    }

    /** Brings {@code table}'s id generator past the ids just inserted explicitly (a project copy); no-op by default. */
    default void afterExplicitIds(Connection connection, String table) throws SQLException {
        // SQLite numbers the next row after the largest id present.
    }

    /**
     * Why the database is not one of ours (another application's file), or empty when it is ours or still empty.
     *
     * @param schemaVersion the version {@link #schemaVersion} read
     */
    java.util.Optional<String> foreignReason(Connection connection, int schemaVersion) throws SQLException;

    /** Marks a database as Defect Studio's, so that {@link #foreignReason} recognises it. */
    void markOurs(Connection connection) throws SQLException;

    /** Problems found by the backend's own consistency check; empty when the database is sound. */
    List<String> integrityProblems(Connection connection) throws SQLException;

    /** Maps a driver error to the typed storage fault it stands for. */
    StorageException translate(SQLException error, String operation);

    /** Where the data lives, for messages. */
    String describe();

    private static String insert(String table, List<String> columns) {
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")";
    }

    // Savepoint names cannot be bound parameters.
    private static String requireIdentifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain savepoint name: " + name);
        }
        return name;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
