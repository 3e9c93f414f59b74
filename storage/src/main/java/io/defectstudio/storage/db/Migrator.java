package io.defectstudio.storage.db;

import io.defectstudio.storage.ForeignDatabaseException;
import io.defectstudio.storage.SchemaTooNewException;
import io.defectstudio.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the newest schema, the way Android's SQLiteOpenHelper does: read the version; if it is older,
 * run each numbered script in its own write transaction that also records the new version; refuse newer databases.
 * The scripts are listed, in order, in {@code index.txt} inside the dialect's migration folder.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_[A-Za-z0-9_]+\\.sql");

    private final String folder;
    private final List<String> scripts;

    public Migrator(String folder) {
        this.folder = folder;
        this.scripts = loadIndex(folder);
    }

    public int latestVersion() {
        return scripts.size();
    }

    /** Migrates and returns the schema version now in the database. */
    public int migrate(Database database, Path databaseFile) {
        SqlDialect dialect = database.dialect();
        return database.withWriter("migrate the schema", writer -> {
            int found = dialect.schemaVersion(writer);
            if (found < 0) {
                throw new ForeignDatabaseException(databaseFile, "its schema version is " + found);
            }
            refuseNewer(databaseFile, found);
            Optional<String> foreign = dialect.foreignReason(writer, found);
            if (foreign.isPresent()) {
                throw new ForeignDatabaseException(databaseFile, foreign.get());
            }
            dialect.initialise(writer);
            if (found == 0) {
                dialect.markOurs(writer);
            }
            for (int version = found + 1; version <= latestVersion(); version++) {
                step(database, databaseFile, writer, version);
            }
            return dialect.schemaVersion(writer);
        });
    }

    private void step(Database database, Path databaseFile, Connection writer, int version) throws SQLException {
        SqlDialect dialect = database.dialect();
        String script = scripts.get(version - 1);
        List<String> statements = SqlScript.statements(readScript(script));
        dialect.beginWrite(writer);
        try {
            // Another process may have migrated while we waited for the lock.
            int current = dialect.schemaVersion(writer);
            refuseNewer(databaseFile, current);
            if (current >= version) {
                dialect.commit(writer);
                return;
            }
            try (Statement statement = writer.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            dialect.setSchemaVersion(writer, version);
            dialect.commit(writer);
            LOG.info("{}: migrated schema to version {} ({})", databaseFile, version, script);
        } catch (SQLException | RuntimeException e) {
            try {
                dialect.rollback(writer);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private void refuseNewer(Path databaseFile, int found) {
        if (found > latestVersion()) {
            throw new SchemaTooNewException(databaseFile, found, latestVersion());
        }
    }

    private static List<String> loadIndex(String folder) {
        List<String> scripts = new ArrayList<>();
        for (String line : resource(folder + "/index.txt").split("\\R")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NUMBERED.matcher(name);
            if (!m.matches() || Integer.parseInt(m.group(1)) != scripts.size() + 1) {
                throw new StorageException("migration " + folder + "/" + name + " must be named "
                        + String.format("%03d", scripts.size() + 1) + "_<description>.sql");
            }
            scripts.add(name);
        }
        return List.copyOf(scripts);
    }

    private String readScript(String name) {
        return resource(folder + "/" + name);
    }

    private static String resource(String path) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StorageException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read migration resource " + path, e);
        }
    }
}
