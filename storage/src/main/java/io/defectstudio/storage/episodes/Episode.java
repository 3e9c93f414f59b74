package io.defectstudio.storage.episodes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A named support set and its queries for one defect class, in the order the inspector used them.
 * {@code supportAnnotationIds} pins, per support image id, the annotation version that was current when the episode
 * was created, so the session replays with the same masks even after later edits.
 */
public record Episode(long id, String name, long classId, List<Long> supportImageIds, List<Long> queryImageIds,
                      Map<Long, Long> supportAnnotationIds, Instant createdAt) {
}
