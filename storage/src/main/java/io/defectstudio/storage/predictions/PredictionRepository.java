package io.defectstudio.storage.predictions;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;
import io.defectstudio.storage.masks.EncodedMask;
import io.defectstudio.storage.masks.MaskCodec;
import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Predicted masks; each save is kept, the newest is the current one. */
public final class PredictionRepository {
    private static final String COLUMNS =
            "id, image_id, class_id, model_version, confidence, latency_ms, defect_pixels, peak, created_at";

    private final Database db;

    public PredictionRepository(Database db) {
        this.db = db;
    }

    /** Saves a prediction without its probability map (it can only be shown as it is). */
    public Prediction save(long imageId, long classId, String modelVersion, BufferedImage mask, double confidence,
                           long latencyMillis) {
        return save(imageId, classId, modelVersion, mask, confidence, latencyMillis, null, Double.NaN);
    }

    /**
     * Saves a prediction with its probability map, if any: any size, 8-bit grey, level {@code round(255 p)}, and the
     * highest probability it gives at the image's size ({@link Prediction#peak}), which says at which thresholds the
     * map paints anything.
     */
    public Prediction save(long imageId, long classId, String modelVersion, BufferedImage mask, double confidence,
                           long latencyMillis, BufferedImage probability, double peak) {
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("a prediction needs the model version that made it");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], got " + confidence);
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative, got " + latencyMillis);
        }
        if (probability != null && probability.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("a probability map is an 8-bit grey image");
        }
        if (probability != null && !(peak >= 0 && peak <= 1)) {
            throw new IllegalArgumentException("the peak probability must be within [0, 1], got " + peak);
        }
        EncodedMask encoded = EncodedMask.of(mask);
        byte[] levels = probability == null ? null : MaskCodec.encode(probability);
        Double storedPeak = probability == null ? null : peak;
        return db.write("save prediction for image " + imageId, c -> {
            encoded.requireSizeOf(c, imageId);
            Rows.requireExists(c, "defect_class", "defect class", classId);
            long id = Jdbc.insert(c, db.dialect(), "INSERT INTO prediction (image_id, class_id, model_version, "
                            + "confidence, latency_ms, defect_pixels, mask_png, probability_png, peak, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    imageId, classId, modelVersion, confidence, latencyMillis, encoded.defectPixels(), encoded.png(),
                    levels, storedPeak, db.now());
            return load(c, id);
        });
    }

    public Optional<Prediction> latest(long imageId, long classId) {
        return db.read("read latest prediction", c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM prediction "
                + "WHERE image_id = ? AND class_id = ? ORDER BY id DESC LIMIT 1", PredictionRepository::map,
                imageId, classId));
    }

    /** The newest prediction of every predicted (image, class), by image id then class id. */
    public List<Prediction> latestAll() {
        return db.read("read latest predictions", c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM prediction "
                + "WHERE id IN (SELECT MAX(id) FROM prediction GROUP BY image_id, class_id) "
                + "ORDER BY image_id, class_id", PredictionRepository::map));
    }

    /** Every prediction for an (image, class), oldest first. */
    public List<Prediction> history(long imageId, long classId) {
        return db.read("read prediction history", c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM prediction "
                + "WHERE image_id = ? AND class_id = ? ORDER BY id", PredictionRepository::map, imageId, classId));
    }

    public Prediction get(long id) {
        return db.read("read prediction " + id, c -> load(c, id));
    }

    public BufferedImage readMask(long id) {
        byte[] png = db.read("read mask of prediction " + id, c -> Jdbc.one(c,
                "SELECT mask_png FROM prediction WHERE id = ?", rs -> rs.getBytes(1), id)
                .orElseThrow(() -> new NotFoundException("prediction", id)));
        return MaskCodec.decode(png, "prediction " + id);
    }

    /** The stored probability map of a prediction (8-bit grey levels), if it was saved with one. */
    public Optional<BufferedImage> readProbability(long id) {
        Optional<byte[]> png = db.read("read probability map of prediction " + id, c -> Jdbc.one(c,
                "SELECT probability_png FROM prediction WHERE id = ?", rs -> Optional.ofNullable(rs.getBytes(1)), id)
                .orElseThrow(() -> new NotFoundException("prediction", id)));
        return png.map(bytes -> MaskCodec.decodeGrey(bytes, "probability map of prediction " + id));
    }

    private static Prediction load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM prediction WHERE id = ?", PredictionRepository::map, id)
                .orElseThrow(() -> new NotFoundException("prediction", id));
    }

    private static Prediction map(ResultSet rs) throws SQLException {
        return new Prediction(rs.getLong("id"), rs.getLong("image_id"), rs.getLong("class_id"),
                rs.getString("model_version"), rs.getDouble("confidence"), rs.getLong("latency_ms"),
                rs.getLong("defect_pixels"), peak(rs), Jdbc.instant(rs, "created_at"));
    }

    private static double peak(ResultSet rs) throws SQLException {
        double peak = rs.getDouble("peak");
        return rs.wasNull() ? Double.NaN : peak;
    }
}
