package io.defectstudio.storage.db;

import io.defectstudio.storage.NotFoundException;

import java.sql.Connection;
import java.sql.SQLException;

/** Existence checks that turn a bad id into a clear {@link NotFoundException} instead of a constraint error. */
public final class Rows {
    private Rows() {
    }

    /** {@code table} is one of the schema's own table names, never user input. */
    public static void requireExists(Connection c, String table, String what, long id) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM " + table + " WHERE id = ?", id) == 0) {
            throw new NotFoundException(what, id);
        }
    }
}
