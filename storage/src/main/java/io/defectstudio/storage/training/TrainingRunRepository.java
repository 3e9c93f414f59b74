package io.defectstudio.storage.training;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/** Training runs, their progress and their per-epoch metrics. */
public final class TrainingRunRepository {
    private static final String COLUMNS = "id, config_json, status, progress, checkpoint_path, created_at, updated_at";
    private static final List<String> EPOCH_KEY = List.of("run_id", "epoch");
    private static final List<String> EPOCH_COLUMNS = List.of("run_id", "epoch", "metrics_json", "recorded_at");

    private final Database db;

    public TrainingRunRepository(Database db) {
        this.db = db;
    }

    public TrainingRun create(String configJson) {
        Objects.requireNonNull(configJson, "configJson");
        return db.write("create training run", c -> {
            var now = db.now();
            long id = Jdbc.insert(c, db.dialect(), "INSERT INTO training_run (config_json, status, progress, "
                    + "checkpoint_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    configJson, TrainingStatus.PENDING, 0.0, null, now, now);
            return load(c, id);
        });
    }

    /** Records status and progress; a {@code null} checkpoint keeps the last one recorded. */
    public TrainingRun updateProgress(long id, TrainingStatus status, double progress, Path checkpointPath) {
        Objects.requireNonNull(status, "status");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be within [0, 1], got " + progress);
        }
        return db.write("update training run " + id, c -> {
            Rows.requireExists(c, "training_run", "training run", id);
            Jdbc.update(c, "UPDATE training_run SET status = ?, progress = ?, "
                    + "checkpoint_path = COALESCE(?, checkpoint_path), updated_at = ? WHERE id = ?",
                    status, progress, checkpointPath, db.now(), id);
            return load(c, id);
        });
    }

    public TrainingRun finish(long id, TrainingStatus status) {
        if (!status.isFinished()) {
            throw new IllegalArgumentException(status + " is not a final status");
        }
        return db.write("finish training run " + id, c -> {
            Rows.requireExists(c, "training_run", "training run", id);
            Jdbc.update(c, "UPDATE training_run SET status = ?, updated_at = ? WHERE id = ?", status, db.now(), id);
            return load(c, id);
        });
    }

    /** Records one epoch's metrics; recording the same epoch again (after a resume) replaces them. */
    public EpochMetrics addEpochMetrics(long id, int epoch, String metricsJson) {
        Objects.requireNonNull(metricsJson, "metricsJson");
        return db.write("record epoch " + epoch + " of training run " + id, c -> {
            Rows.requireExists(c, "training_run", "training run", id);
            Jdbc.update(c, db.dialect().upsert("training_epoch", EPOCH_KEY, EPOCH_COLUMNS),
                    id, epoch, metricsJson, db.now());
            Jdbc.update(c, "UPDATE training_run SET updated_at = ? WHERE id = ?", db.now(), id);
            return Jdbc.one(c, "SELECT run_id, epoch, metrics_json, recorded_at FROM training_epoch "
                    + "WHERE run_id = ? AND epoch = ?", TrainingRunRepository::mapEpoch, id, epoch).orElseThrow();
        });
    }

    public List<EpochMetrics> epochMetrics(long id) {
        return db.read("read epochs of training run " + id, c -> Jdbc.list(c,
                "SELECT run_id, epoch, metrics_json, recorded_at FROM training_epoch WHERE run_id = ? ORDER BY epoch",
                TrainingRunRepository::mapEpoch, id));
    }

    public TrainingRun get(long id) {
        return db.read("read training run " + id, c -> load(c, id));
    }

    public List<TrainingRun> list() {
        return db.read("list training runs", c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM training_run ORDER BY id", TrainingRunRepository::map));
    }

    private static TrainingRun load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM training_run WHERE id = ?", TrainingRunRepository::map, id)
                .orElseThrow(() -> new NotFoundException("training run", id));
    }

    private static TrainingRun map(ResultSet rs) throws SQLException {
        String checkpoint = rs.getString("checkpoint_path");
        return new TrainingRun(rs.getLong("id"), rs.getString("config_json"),
                TrainingStatus.valueOf(rs.getString("status")), rs.getDouble("progress"),
                checkpoint == null ? null : Path.of(checkpoint), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    private static EpochMetrics mapEpoch(ResultSet rs) throws SQLException {
        return new EpochMetrics(rs.getLong("run_id"), rs.getInt("epoch"), rs.getString("metrics_json"),
                Jdbc.instant(rs, "recorded_at"));
    }
}
