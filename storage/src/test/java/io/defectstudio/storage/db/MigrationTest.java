package io.defectstudio.storage.db;

import io.defectstudio.storage.ForeignDatabaseException;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.SchemaTooNewException;
import io.defectstudio.storage.StorageException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("sqlite")
class MigrationTest {
    private static final String TEST_MIGRATIONS = "io/defectstudio/storage/testmigrations/";

    @TempDir
    Path temp;

    @Test
    void newProjectIsAtTheLatestVersionInWalModeWithForeignKeysOn() throws SQLException {
        Path folder = temp.resolve("p");
        int latest = new Migrator(new SqliteDialect(temp.resolve("x.db"), Duration.ZERO).migrationFolder())
                .latestVersion();
        try (Project project = Project.create(folder, "fresh")) {
            assertEquals(latest, project.schemaVersion());
            assertEquals("wal", pragma(folder.resolve(Project.DATABASE_FILE), "journal_mode"));
            assertEquals(String.valueOf(latest), pragma(folder.resolve(Project.DATABASE_FILE), "user_version"));
        }
        try (Database db = new Database(new SqliteDialect(folder.resolve(Project.DATABASE_FILE), Duration.ZERO))) {
            // The dialect turns foreign keys on for every connection: an orphan annotation is rejected.
            StorageException e = assertThrows(StorageException.class, () -> db.write("orphan", c -> Jdbc.update(c,
                    "INSERT INTO annotation (image_id, class_id, version, kind, author, created_at, defect_pixels, "
                            + "mask_png) VALUES (99, 99, 1, 'SUPPORT', 'x', 0, 0, x'00')")));
            assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        }
    }

    @Test
    void olderDatabaseIsUpgradedStepByStepKeepingItsData() {
        Path file = temp.resolve("up.db");
        try (Database db = new Database(new SqliteDialect(file, Duration.ofSeconds(1)))) {
            assertEquals(1, new Migrator(TEST_MIGRATIONS + "upgrade1").migrate(db, file));
            db.write("add a tile", c -> Jdbc.update(c, "INSERT INTO tile (label) VALUES (?)", "old"));
        }
        try (Database db = new Database(new SqliteDialect(file, Duration.ofSeconds(1)))) {
            assertEquals(2, new Migrator(TEST_MIGRATIONS + "upgrade2").migrate(db, file));
            db.write("add a tile", c -> Jdbc.update(c, "INSERT INTO tile (label) VALUES (?)", "new"));
            assertEquals(List.of("old:none; really", "new:none; really"), db.read("read", c -> Jdbc.list(c,
                    "SELECT label || ':' || note FROM tile ORDER BY id", rs -> rs.getString(1))));
            assertEquals(List.of("added; logged"), db.read("read", c -> Jdbc.list(c,
                    "SELECT message FROM tile_log", rs -> rs.getString(1))));
        }
    }

    @Test
    void failingStepIsRolledBackWholeAndTheEarlierVersionStays() throws SQLException {
        Path file = temp.resolve("broken.db");
        try (Database db = new Database(new SqliteDialect(file, Duration.ofSeconds(1)))) {
            StorageException e = assertThrows(StorageException.class,
                    () -> new Migrator(TEST_MIGRATIONS + "broken").migrate(db, file));
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        }
        assertEquals("1", pragma(file, "user_version"));
        assertEquals("0", query(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        assertEquals("0", query(file, "SELECT COUNT(*) FROM tile"));
    }

    @Test
    void newerSchemaIsRefusedAndLeftUntouched() throws Exception {
        Path folder = temp.resolve("future");
        Project.create(folder, "from the future").close();
        Path file = folder.resolve(Project.DATABASE_FILE);
        execute(file, "PRAGMA user_version = 99");
        byte[] before = sha256(file);

        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> Project.open(folder));

        assertEquals(99, e.found());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("99", pragma(file, "user_version"));
        assertArrayEquals(before, sha256(file));
    }

    @Test
    void aForeignDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("foreign"));
        Path file = folder.resolve(Project.DATABASE_FILE);
        execute(file, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
        byte[] before = sha256(file);
        ForeignDatabaseException e = assertThrows(ForeignDatabaseException.class, () -> Project.open(folder));
        assertTrue(e.getMessage().contains("1 table(s) of another application"), e.getMessage());
        assertArrayEquals(before, sha256(file), "no table added, not even WAL mode");
        assertEquals("1", query(file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));

        execute(file, "PRAGMA application_id = 1234");
        execute(file, "PRAGMA user_version = 2");
        assertTrue(assertThrows(ForeignDatabaseException.class, () -> Project.open(folder)).getMessage()
                .contains("application_id"));
    }

    @Test
    void aNegativeSchemaVersionIsATypedError() throws Exception {
        Path folder = temp.resolve("negative");
        Project.create(folder, "negative").close();
        Path file = folder.resolve(Project.DATABASE_FILE);
        execute(file, "PRAGMA user_version = -1");
        ForeignDatabaseException e = assertThrows(ForeignDatabaseException.class, () -> Project.open(folder));
        assertTrue(e.getMessage().contains("schema version is -1"), e.getMessage());
    }

    @Test
    void ourDatabasesAreMarkedAndOnesMadeBeforeTheMarkStillOpen() throws Exception {
        Path folder = temp.resolve("marked");
        Project.create(folder, "marked").close();
        Path file = folder.resolve(Project.DATABASE_FILE);
        assertEquals(String.valueOf(SqliteDialect.APPLICATION_ID), pragma(file, "application_id"));
        execute(file, "PRAGMA application_id = 0");
        try (Project p = Project.open(folder)) {
            assertEquals("marked", p.name());
        }
    }

    @Test
    void scriptSplitterRespectsQuotesCommentsAndTriggerBodies() {
        List<String> statements = SqlScript.statements("""
                -- leading comment;
                CREATE TABLE t (a TEXT DEFAULT 'x;y', "odd;name" TEXT);
                /* ; */ INSERT INTO t (a) VALUES ('it''s; fine');
                CREATE TRIGGER g AFTER INSERT ON t BEGIN UPDATE t SET a = 'z'; DELETE FROM t WHERE 0; END;
                """);
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).endsWith("\"odd;name\" TEXT)"));
        assertTrue(statements.get(1).endsWith("('it''s; fine')"));
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER") && statements.get(2).endsWith("END"));
    }

    @Test
    void scriptSplitterKeepsPostgresDollarQuotedBodiesWhole() {
        List<String> statements = SqlScript.statements("""
                DO $$ BEGIN PERFORM 1; IF true THEN RAISE NOTICE 'a;b'; END IF; END $$;
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RETURN NULL; END $body$;
                SELECT 1;
                """);
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).endsWith("END $$"), statements.get(0));
        assertTrue(statements.get(1).endsWith("END $body$"), statements.get(1));
        assertEquals("SELECT 1", statements.get(2).strip());
    }

    static String pragma(Path file, String name) throws SQLException {
        return query(file, "PRAGMA " + name);
    }

    static String query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
