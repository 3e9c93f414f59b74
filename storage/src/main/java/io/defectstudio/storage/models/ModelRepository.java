package io.defectstudio.storage.models;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Model bundles known to the project and which one is in use. */
public final class ModelRepository {
    private static final String COLUMNS = "id, name, bundle_path, architecture, metrics_json, created_at, active";

    private final Database db;

    public ModelRepository(Database db) {
        this.db = db;
    }

    public ModelRecord register(String name, Path bundlePath, String architecture, String metricsJson) {
        if (name == null || name.isBlank() || bundlePath == null || architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("a model needs a name, a bundle path and an architecture");
        }
        String metrics = metricsJson == null ? "{}" : metricsJson;
        return db.write("register model " + name, c -> {
            long id = Jdbc.insert(c, db.dialect(), "INSERT INTO model (name, bundle_path, architecture, metrics_json, "
                    + "created_at, active) VALUES (?, ?, ?, ?, ?, ?)",
                    name.strip(), bundlePath, architecture, metrics, Jdbc.now(), false);
            return load(c, id);
        });
    }

    /** Makes {@code id} the only active model. */
    public ModelRecord activate(long id) {
        return db.write("activate model " + id, c -> {
            Rows.requireExists(c, "model", "model", id);
            Jdbc.update(c, "UPDATE model SET active = ? WHERE active = ?", false, true);
            Jdbc.update(c, "UPDATE model SET active = ? WHERE id = ?", true, id);
            Jdbc.update(c, "INSERT INTO model_activation (model_id, activated_at) VALUES (?, ?)", id, Jdbc.now());
            return load(c, id);
        });
    }

    public Optional<ModelRecord> active() {
        return db.read("read active model", c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM model WHERE active = ?", ModelRepository::map, true));
    }

    /**
     * The model that was active before the current one: the latest activation of another model (for a roll back).
     * Empty when no other model was ever activated.
     */
    public Optional<ModelRecord> previouslyActive() {
        return db.read("read previously active model", c -> {
            Optional<Long> current = Jdbc.one(c, "SELECT id FROM model WHERE active = ?", rs -> rs.getLong(1), true);
            Optional<Long> previous = Jdbc.one(c, "SELECT model_id FROM model_activation WHERE model_id <> ? "
                    + "ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1), current.orElse(-1L));
            return previous.isPresent() ? Optional.of(load(c, previous.get())) : Optional.<ModelRecord>empty();
        });
    }

    public List<ModelRecord> list() {
        return db.read("list models",
                c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM model ORDER BY id", ModelRepository::map));
    }

    public ModelRecord get(long id) {
        return db.read("read model " + id, c -> load(c, id));
    }

    private static ModelRecord load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM model WHERE id = ?", ModelRepository::map, id)
                .orElseThrow(() -> new NotFoundException("model", id));
    }

    private static ModelRecord map(ResultSet rs) throws SQLException {
        return new ModelRecord(rs.getLong("id"), rs.getString("name"), Path.of(rs.getString("bundle_path")),
                rs.getString("architecture"), rs.getString("metrics_json"), Jdbc.instant(rs, "created_at"),
                rs.getInt("active") == 1);
    }
}
