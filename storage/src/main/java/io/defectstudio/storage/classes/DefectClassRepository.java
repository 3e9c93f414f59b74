package io.defectstudio.storage.classes;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Defect classes of a project. Names are unique; colours are {@code #rrggbb}. */
public final class DefectClassRepository {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String COLUMNS = "id, name, colour, description, created_at";

    private final Database db;

    public DefectClassRepository(Database db) {
        this.db = db;
    }

    public DefectClass create(String name, String colourHex, String description) {
        String cleanName = requireName(name);
        String colour = requireColour(colourHex);
        String text = description == null ? "" : description;
        return db.write("create defect class " + cleanName, c -> {
            requireUnused(c, cleanName, -1);
            long id = Jdbc.insert(c, db.dialect(),
                    "INSERT INTO defect_class (name, colour, description, created_at) VALUES (?, ?, ?, ?)",
                    cleanName, colour, text, db.now());
            return load(c, id);
        });
    }

    public DefectClass rename(long id, String name) {
        String cleanName = requireName(name);
        return db.write("rename defect class " + id, c -> {
            load(c, id);
            requireUnused(c, cleanName, id);
            Jdbc.update(c, "UPDATE defect_class SET name = ? WHERE id = ?", cleanName, id);
            return load(c, id);
        });
    }

    public DefectClass recolour(long id, String colourHex) {
        String colour = requireColour(colourHex);
        return db.write("recolour defect class " + id, c -> {
            load(c, id);
            Jdbc.update(c, "UPDATE defect_class SET colour = ? WHERE id = ?", colour, id);
            return load(c, id);
        });
    }

    public DefectClass describe(long id, String description) {
        String text = description == null ? "" : description;
        return db.write("describe defect class " + id, c -> {
            load(c, id);
            Jdbc.update(c, "UPDATE defect_class SET description = ? WHERE id = ?", text, id);
            return load(c, id);
        });
    }

    public List<DefectClass> list() {
        return db.read("list defect classes",
                c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM defect_class ORDER BY id", DefectClassRepository::map));
    }

    public DefectClass get(long id) {
        return db.read("read defect class " + id, c -> load(c, id));
    }

    public Optional<DefectClass> findByName(String name) {
        return db.read("find defect class " + name, c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM defect_class WHERE name = ?", DefectClassRepository::map, name));
    }

    private static DefectClass load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM defect_class WHERE id = ?", DefectClassRepository::map, id)
                .orElseThrow(() -> new NotFoundException("defect class", id));
    }

    private static void requireUnused(Connection c, String name, long exceptId) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM defect_class WHERE name = ? AND id <> ?", name, exceptId) > 0) {
            throw new StorageException("a defect class named '" + name + "' already exists");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a defect class needs a name");
        }
        return name.strip();
    }

    private static String requireColour(String colourHex) {
        if (colourHex == null || !COLOUR.matcher(colourHex).matches()) {
            throw new IllegalArgumentException("colour must look like #rrggbb, got " + colourHex);
        }
        return colourHex.toLowerCase(Locale.ROOT);
    }

    private static DefectClass map(ResultSet rs) throws SQLException {
        return new DefectClass(rs.getLong("id"), rs.getString("name"), rs.getString("colour"),
                rs.getString("description"), Jdbc.instant(rs, "created_at"));
    }
}
