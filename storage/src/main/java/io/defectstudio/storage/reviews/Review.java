package io.defectstudio.storage.reviews;

import java.time.Instant;

public record Review(long id, long imageId, long classId, ReviewDecision decision, String reviewer, String comment,
                     Instant createdAt, ReviewRole role) {
}
