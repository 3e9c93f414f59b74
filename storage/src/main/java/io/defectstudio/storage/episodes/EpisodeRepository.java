package io.defectstudio.storage.episodes;

import io.defectstudio.storage.NotFoundException;
import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Episodes: support set plus queries, recorded so that a session can be replayed or exported. */
public final class EpisodeRepository {
    private static final String SUPPORT = "SUPPORT";
    private static final String QUERY = "QUERY";

    private final Database db;

    public EpisodeRepository(Database db) {
        this.db = db;
    }

    public Episode create(String name, long classId, List<Long> supportImageIds, List<Long> queryImageIds) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an episode needs a name");
        }
        if (supportImageIds == null || supportImageIds.isEmpty()) {
            throw new IllegalArgumentException("an episode needs at least one support image");
        }
        List<Long> queries = queryImageIds == null ? List.of() : List.copyOf(queryImageIds);
        if (new HashSet<>(supportImageIds).size() != supportImageIds.size()
                || new HashSet<>(queries).size() != queries.size()) {
            throw new IllegalArgumentException("an image appears twice in the support set or in the queries");
        }
        return db.write("create episode " + name, c -> {
            Rows.requireExists(c, "defect_class", "defect class", classId);
            long id = Jdbc.insert(c, db.dialect(),
                    "INSERT INTO episode (name, class_id, created_at) VALUES (?, ?, ?)", name.strip(), classId,
                    db.now());
            addImages(c, id, classId, SUPPORT, supportImageIds);
            addImages(c, id, classId, QUERY, queries);
            return load(c, id);
        });
    }

    private static void addImages(Connection c, long episodeId, long classId, String role, List<Long> imageIds)
            throws SQLException {
        for (int position = 0; position < imageIds.size(); position++) {
            long imageId = imageIds.get(position);
            Rows.requireExists(c, "image", "image", imageId);
            Long annotationId = SUPPORT.equals(role) ? latestAnnotation(c, imageId, classId) : null;
            Jdbc.update(c, "INSERT INTO episode_image (episode_id, role, position, image_id, annotation_id) "
                    + "VALUES (?, ?, ?, ?, ?)", episodeId, role, position, imageId, annotationId);
        }
    }

    private static Long latestAnnotation(Connection c, long imageId, long classId) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM annotation WHERE image_id = ? AND class_id = ? "
                + "ORDER BY version DESC LIMIT 1", rs -> rs.getLong(1), imageId, classId).orElse(null);
    }

    public List<Episode> list() {
        return db.read("list episodes", c -> {
            List<Episode> episodes = new ArrayList<>();
            for (long id : Jdbc.list(c, "SELECT id FROM episode ORDER BY id", rs -> rs.getLong(1))) {
                episodes.add(load(c, id));
            }
            return episodes;
        });
    }

    public Episode get(long id) {
        return db.read("read episode " + id, c -> load(c, id));
    }

    private static Episode load(Connection c, long id) throws SQLException {
        record Head(String name, long classId, Instant createdAt) {
        }
        record Item(String role, long imageId, Long annotationId) {
        }
        Optional<Head> head = Jdbc.one(c, "SELECT name, class_id, created_at FROM episode WHERE id = ?",
                rs -> new Head(rs.getString(1), rs.getLong(2), Jdbc.instant(rs, "created_at")), id);
        if (head.isEmpty()) {
            throw new NotFoundException("episode", id);
        }
        List<Item> items = Jdbc.list(c, "SELECT role, image_id, annotation_id FROM episode_image "
                + "WHERE episode_id = ? ORDER BY role DESC, position", rs -> new Item(rs.getString(1), rs.getLong(2),
                Jdbc.nullableLong(rs, "annotation_id")), id);
        List<Long> support = new ArrayList<>();
        List<Long> queries = new ArrayList<>();
        Map<Long, Long> pinned = new LinkedHashMap<>();
        for (Item item : items) {
            if (SUPPORT.equals(item.role())) {
                support.add(item.imageId());
                if (item.annotationId() != null) {
                    pinned.put(item.imageId(), item.annotationId());
                }
            } else {
                queries.add(item.imageId());
            }
        }
        return new Episode(id, head.get().name(), head.get().classId(), List.copyOf(support), List.copyOf(queries),
                Map.copyOf(pinned), head.get().createdAt());
    }
}
