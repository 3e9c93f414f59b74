package io.defectstudio.storage.db;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.StorageException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("sqlite")
class NestedWriteTest {
    private static final String INSERT_CLASS =
            "INSERT INTO defect_class (name, colour, description, created_at) VALUES (?, '#ff0000', '', 0)";

    @TempDir
    Path temp;

    @Test
    void writesAfterTheDatabaseDroppedTheTransactionNeverCommitOnTheirOwn() {
        Path folder = temp.resolve("project");
        Project.create(folder, "nested").close();
        try (Database db = new Database(new SqliteDialect(folder.resolve(Project.DATABASE_FILE), Duration.ZERO))) {
            StorageException atCommit = assertThrows(StorageException.class, () -> db.write("import", outer -> {
                db.write("first", c -> Jdbc.update(c, INSERT_CLASS, "first"));
                // What SQLite does by itself on disk-full or I/O errors: the whole transaction is rolled back.
                assertThrows(StorageException.class, () -> db.write("dropped", c -> {
                    try (Statement s = c.createStatement()) {
                        return s.execute("ROLLBACK");
                    }
                }));
                StorageException refused = assertThrows(StorageException.class,
                        () -> db.write("second", c -> Jdbc.update(c, INSERT_CLASS, "second")));
                assertTrue(refused.getMessage().contains("discarded the enclosing transaction"), refused.getMessage());
                return null;
            }));

            assertTrue(atCommit.getMessage().contains("cannot import"), atCommit.getMessage());
            assertEquals(List.of(), names(db));
            db.write("after", c -> Jdbc.update(c, INSERT_CLASS, "after"));
            assertEquals(List.of("after"), names(db));
        }
    }

    private static List<String> names(Database db) {
        return db.read("names", c -> Jdbc.list(c, "SELECT name FROM defect_class ORDER BY id", rs -> rs.getString(1)));
    }
}
