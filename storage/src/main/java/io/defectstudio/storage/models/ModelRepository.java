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

/**
 * Model bundles known to the project and which one is in use. A bundle inside the project folder is recorded
 * relative to it, so that the project still finds it when it is copied or mounted elsewhere (a shared project's
 * stations mount its folder at their own paths); relative paths are read against the project folder.
 */
public final class ModelRepository {
    private static final String COLUMNS = "id, name, bundle_path, architecture, metrics_json, created_at, active";

    private final Database db;
    private final Path projectFolder;

    public ModelRepository(Database db, Path projectFolder) {
        this.db = db;
        this.projectFolder = projectFolder;
    }

    public ModelRecord register(String name, Path bundlePath, String architecture, String metricsJson) {
        if (name == null || name.isBlank() || bundlePath == null || architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("a model needs a name, a bundle path and an architecture");
        }
        String metrics = metricsJson == null ? "{}" : metricsJson;
        Path absolute = projectFolder.resolve(bundlePath).normalize();
        String stored = absolute.startsWith(projectFolder)
                ? projectFolder.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
        return db.write("register model " + name, c -> {
            long id = Jdbc.insert(c, db.dialect(), "INSERT INTO model (name, bundle_path, architecture, metrics_json, "
                    + "created_at, active) VALUES (?, ?, ?, ?, ?, ?)",
                    name.strip(), stored, architecture, metrics, db.now(), false);
            return load(c, id);
        });
    }

    /** Makes {@code id} the only active model. */
    public ModelRecord activate(long id) {
        return db.write("activate model " + id, c -> {
            Rows.requireExists(c, "model", "model", id);
            Jdbc.update(c, "UPDATE model SET active = ? WHERE active = ?", false, true);
            Jdbc.update(c, "UPDATE model SET active = ? WHERE id = ?", true, id);
            Jdbc.update(c, "INSERT INTO model_activation (model_id, activated_at) VALUES (?, ?)", id, db.now());
            return load(c, id);
        });
    }

    /** Leaves no model active, so that the workstation segments with the model shipped with the application. */
    public void deactivateAll() {
        db.write("go back to the shipped model", c -> Jdbc.update(c, "UPDATE model SET active = ? WHERE active = ?",
                false, true));
    }

    public Optional<ModelRecord> active() {
        return db.read("read active model", c -> Jdbc.one(c,
                "SELECT " + COLUMNS + " FROM model WHERE active = ?", this::map, true));
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
                c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM model ORDER BY id", this::map));
    }

    public ModelRecord get(long id) {
        return db.read("read model " + id, c -> load(c, id));
    }

    private ModelRecord load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM model WHERE id = ?", this::map, id)
                .orElseThrow(() -> new NotFoundException("model", id));
    }

    private ModelRecord map(ResultSet rs) throws SQLException {
        return new ModelRecord(rs.getLong("id"), rs.getString("name"),
                projectFolder.resolve(rs.getString("bundle_path")), rs.getString("architecture"),
                rs.getString("metrics_json"), Jdbc.instant(rs, "created_at"), rs.getInt("active") == 1);
    }
}
