package io.defectstudio.storage.reviews;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Review decisions, kept as an append-only log per image. */
public final class ReviewRepository {
    private static final String COLUMNS = "id, image_id, class_id, decision, reviewer, comment, created_at, role";

    private final Database db;

    public ReviewRepository(Database db) {
        this.db = db;
    }

    /** Records an inspector's decision. */
    public Review record(long imageId, long classId, ReviewDecision decision, String reviewer, String comment) {
        return record(imageId, classId, decision, reviewer, comment, ReviewRole.INSPECTOR);
    }

    public Review record(long imageId, long classId, ReviewDecision decision, String reviewer, String comment,
                         ReviewRole role) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(role, "role");
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs a reviewer");
        }
        String text = comment == null ? "" : comment;
        return db.write("record review of image " + imageId, c -> {
            Rows.requireExists(c, "image", "image", imageId);
            Rows.requireExists(c, "defect_class", "defect class", classId);
            long id = Jdbc.insert(c, db.dialect(), "INSERT INTO review (image_id, class_id, decision, reviewer, "
                    + "comment, created_at, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    imageId, classId, decision, reviewer.strip(), text, db.now(), role);
            return Jdbc.one(c, "SELECT " + COLUMNS + " FROM review WHERE id = ?", ReviewRepository::map, id)
                    .orElseThrow(() -> new NotFoundException("review", id));
        });
    }

    /** Every review of an image, oldest first. */
    public List<Review> history(long imageId) {
        return db.read("read reviews of image " + imageId, c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM review WHERE image_id = ? ORDER BY id", ReviewRepository::map, imageId));
    }

    /** Every review of the project, oldest first. */
    public List<Review> list() {
        return db.read("read reviews", c -> Jdbc.list(c,
                "SELECT " + COLUMNS + " FROM review ORDER BY id", ReviewRepository::map));
    }

    public Optional<Review> latest(long imageId, long classId) {
        return db.read("read latest review", c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM review "
                + "WHERE image_id = ? AND class_id = ? ORDER BY id DESC LIMIT 1", ReviewRepository::map,
                imageId, classId));
    }

    private static Review map(ResultSet rs) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("image_id"), rs.getLong("class_id"),
                ReviewDecision.valueOf(rs.getString("decision")), rs.getString("reviewer"), rs.getString("comment"),
                Jdbc.instant(rs, "created_at"), ReviewRole.valueOf(rs.getString("role")));
    }
}
