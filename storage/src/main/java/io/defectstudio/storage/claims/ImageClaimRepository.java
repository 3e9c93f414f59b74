package io.defectstudio.storage.claims;

import io.defectstudio.storage.db.Database;
import io.defectstudio.storage.db.Jdbc;
import io.defectstudio.storage.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is correcting which image: a station claims the image it shows and releases it when it moves on. A claim is a
 * lease, stale after {@link #LEASE} (a station that crashed holds nothing for long), and renewed by claiming again.
 */
public final class ImageClaimRepository {
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final Database db;

    public ImageClaimRepository(Database db) {
        this.db = db;
    }

    /**
     * Claims an image and class for {@code station}, or renews its claim.
     *
     * @return the other station's live claim when it holds it (nothing is claimed then), empty once claimed
     */
    public Optional<ImageClaim> claim(long imageId, long classId, String station) {
        String who = requireStation(station);
        return db.write("claim image " + imageId, c -> {
            Rows.requireExists(c, "image", "image", imageId);
            Rows.requireExists(c, "defect_class", "defect class", classId);
            Instant now = db.now();
            Optional<ImageClaim> held = Jdbc.one(c, "SELECT image_id, class_id, station, claimed_at FROM image_claim"
                    + " WHERE image_id = ? AND class_id = ?", ImageClaimRepository::map, imageId, classId);
            if (held.isPresent() && !held.get().station().equals(who) && live(held.get(), now)) {
                return held;
            }
            Jdbc.update(c, db.dialect().upsert("image_claim", List.of("image_id", "class_id"),
                    List.of("image_id", "class_id", "station", "claimed_at")), imageId, classId, who, now);
            return Optional.empty();
        });
    }

    /** Gives up {@code station}'s claim; another station's claim is left alone. */
    public void release(long imageId, long classId, String station) {
        String who = requireStation(station);
        db.write("release image " + imageId, c -> Jdbc.update(c,
                "DELETE FROM image_claim WHERE image_id = ? AND class_id = ? AND station = ?", imageId, classId, who));
    }

    /** Gives up every claim of {@code station}, as when it closes the project. */
    public void releaseAll(String station) {
        String who = requireStation(station);
        db.write("release the station's images", c -> Jdbc.update(c,
                "DELETE FROM image_claim WHERE station = ?", who));
    }

    /** The live claims of every station but {@code station}, by image then class. */
    public List<ImageClaim> heldByOthers(String station) {
        String who = requireStation(station);
        Instant now = db.now();
        return db.read("read the other stations' claims", c -> Jdbc.list(c,
                "SELECT image_id, class_id, station, claimed_at FROM image_claim WHERE station <> ? AND claimed_at > ?"
                        + " ORDER BY image_id, class_id", ImageClaimRepository::map,
                who, now.minus(LEASE)));
    }

    private static boolean live(ImageClaim claim, Instant now) {
        return claim.claimedAt().isAfter(now.minus(LEASE));
    }

    private static String requireStation(String station) {
        if (station == null || station.isBlank()) {
            throw new IllegalArgumentException("a claim needs the station's name");
        }
        return station.strip();
    }

    private static ImageClaim map(ResultSet rs) throws SQLException {
        return new ImageClaim(rs.getLong("image_id"), rs.getLong("class_id"), rs.getString("station"),
                Jdbc.instant(rs, "claimed_at"));
    }
}
