package io.defectstudio.storage.annotations;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.StorageException;
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
import java.util.Objects;
import java.util.Optional;

/** Versioned masks. Nothing is overwritten: every save and every restore appends a new version. */
public final class AnnotationRepository {
    private static final String COLUMNS =
            "id, image_id, class_id, version, kind, author, created_at, restored_from, defect_pixels";
    private static final String LATEST = "version = (SELECT MAX(b.version) FROM annotation b "
            + "WHERE b.image_id = annotation.image_id AND b.class_id = annotation.class_id)";

    private final Database db;

    public AnnotationRepository(Database db) {
        this.db = db;
    }

    /** Saves {@code mask} as the next version; it must have the image's size. Returns once the save is durable. */
    public Annotation save(long imageId, long classId, AnnotationKind kind, String author, BufferedImage mask) {
        Objects.requireNonNull(kind, "kind");
        String who = requireAuthor(author);
        EncodedMask encoded = EncodedMask.of(mask);
        return db.write("save annotation for image " + imageId, c -> {
            encoded.requireSizeOf(c, imageId);
            Rows.requireExists(c, "defect_class", "defect class", classId);
            return insert(c, imageId, classId, kind, who, null, encoded.defectPixels(), encoded.png());
        });
    }

    /**
     * Takes back the versions after {@code keepVersion} of one image and class (an inspector undid every edit since
     * it was shown), so that the records are as they were. Refused when a later version is already used by a training
     * episode or restored from.
     *
     * @return how many versions were taken back
     */
    public int retractAfter(long imageId, long classId, int keepVersion) {
        return db.write("take back annotations of image " + imageId, c -> {
            long used = Jdbc.count(c, "SELECT COUNT(*) FROM annotation a WHERE a.image_id = ? AND a.class_id = ?"
                    + " AND a.version > ? AND (EXISTS (SELECT 1 FROM episode_image e WHERE e.annotation_id = a.id)"
                    + " OR EXISTS (SELECT 1 FROM annotation r WHERE r.restored_from = a.id))",
                    imageId, classId, keepVersion);
            if (used > 0) {
                throw new StorageException("the edits of image " + imageId + " since version " + keepVersion
                        + " are already used by a training episode and cannot be taken back");
            }
            return Jdbc.update(c, "DELETE FROM annotation WHERE image_id = ? AND class_id = ? AND version > ?",
                    imageId, classId, keepVersion);
        });
    }

    /** Appends a copy of an earlier version as the newest one. */
    public Annotation restore(long annotationId, String author) {
        String who = requireAuthor(author);
        return db.write("restore annotation " + annotationId, c -> {
            Annotation old = load(c, annotationId);
            byte[] png = maskPng(c, annotationId);
            return insert(c, old.imageId(), old.classId(), old.kind(), who, annotationId, old.defectPixels(), png);
        });
    }

    private Annotation insert(Connection c, long imageId, long classId, AnnotationKind kind, String author,
                              Long restoredFrom, long defectPixels, byte[] png) throws SQLException {
        int version = (int) Jdbc.count(c,
                "SELECT COALESCE(MAX(version), 0) + 1 FROM annotation WHERE image_id = ? AND class_id = ?",
                imageId, classId);
        long id = Jdbc.insert(c, db.dialect(), "INSERT INTO annotation (image_id, class_id, version, kind, author, "
                        + "created_at, restored_from, defect_pixels, mask_png) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                imageId, classId, version, kind, author, db.now(), restoredFrom, defectPixels, png);
        return load(c, id);
    }

    public Optional<Annotation> latest(long imageId, long classId) {
        return db.read("read latest annotation", c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM annotation "
                + "WHERE image_id = ? AND class_id = ? ORDER BY version DESC LIMIT 1",
                AnnotationRepository::map, imageId, classId));
    }

    /** Every version, oldest first. */
    public List<Annotation> history(long imageId, long classId) {
        return db.read("read annotation history", c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM annotation "
                + "WHERE image_id = ? AND class_id = ? ORDER BY version", AnnotationRepository::map, imageId, classId));
    }

    /** The newest version of every annotated (image, class), by image id then class id. */
    public List<Annotation> latestAll() {
        return db.read("read latest annotations", c -> Jdbc.list(c, "SELECT " + COLUMNS
                + " FROM annotation WHERE " + LATEST + " ORDER BY image_id, class_id", AnnotationRepository::map));
    }

    /** The newest version for every image annotated with {@code classId}, by image id. */
    public List<Annotation> latestForClass(long classId) {
        return db.read("read annotations of class " + classId, c -> Jdbc.list(c, "SELECT " + COLUMNS
                + " FROM annotation WHERE class_id = ? AND " + LATEST + " ORDER BY image_id",
                AnnotationRepository::map, classId));
    }

    /** The newest version for every class annotated on {@code imageId}, by class id. */
    public List<Annotation> latestForImage(long imageId) {
        return db.read("read annotations of image " + imageId, c -> Jdbc.list(c, "SELECT " + COLUMNS
                + " FROM annotation WHERE image_id = ? AND " + LATEST + " ORDER BY class_id",
                AnnotationRepository::map, imageId));
    }

    public Annotation get(long annotationId) {
        return db.read("read annotation " + annotationId, c -> load(c, annotationId));
    }

    /** The mask of one version: TYPE_BYTE_GRAY, 0 or 255. */
    public BufferedImage readMask(long annotationId) {
        byte[] png = db.read("read mask of annotation " + annotationId, c -> maskPng(c, annotationId));
        return MaskCodec.decode(png, "annotation " + annotationId);
    }

    public long count() {
        return db.read("count annotations", c -> Jdbc.count(c, "SELECT COUNT(*) FROM annotation"));
    }

    private static byte[] maskPng(Connection c, long annotationId) throws SQLException {
        return Jdbc.one(c, "SELECT mask_png FROM annotation WHERE id = ?", rs -> rs.getBytes(1), annotationId)
                .orElseThrow(() -> new NotFoundException("annotation", annotationId));
    }

    private static Annotation load(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM annotation WHERE id = ?", AnnotationRepository::map, id)
                .orElseThrow(() -> new NotFoundException("annotation", id));
    }

    private static String requireAuthor(String author) {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("an annotation needs an author");
        }
        return author.strip();
    }

    private static Annotation map(ResultSet rs) throws SQLException {
        return new Annotation(rs.getLong("id"), rs.getLong("image_id"), rs.getLong("class_id"), rs.getInt("version"),
                AnnotationKind.valueOf(rs.getString("kind")), rs.getString("author"), Jdbc.instant(rs, "created_at"),
                Jdbc.nullableLong(rs, "restored_from"), rs.getLong("defect_pixels"));
    }
}
