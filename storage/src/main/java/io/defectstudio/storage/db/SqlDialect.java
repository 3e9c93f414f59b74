package io.defectstudio.storage.db;

import io.defectstudio.storage.StorageException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything that differs between database backends. Repositories write portable SQL and ask the dialect for the rest,
 * so a shared PostgreSQL database becomes another implementation of this interface plus its own migration scripts.
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
    void savepoint(Connection connection, String name) throws SQLException;

    /** Forgets a savepoint, keeping its changes in the enclosing transaction. */
    void releaseSavepoint(Connection connection, String name) throws SQLException;

    /** Undoes the changes made since the savepoint and forgets it; fails if the transaction itself is gone. */
    void rollbackToSavepoint(Connection connection, String name) throws SQLException;

    /** {@code insertSql} extended so that executing it as a query returns the new row's {@code id}. */
    String returningId(String insertSql);

    /** INSERT that leaves an existing row with the same key untouched. */
    String insertIgnoringConflict(String table, List<String> keyColumns, List<String> columns);

    /** INSERT that replaces the non-key columns of an existing row with the same key. */
    String upsert(String table, List<String> keyColumns, List<String> columns);

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
}
