package io.defectstudio.storage.claims;

import java.time.Instant;

/** A station working on one image and class right now; the other stations' queues skip it. */
public record ImageClaim(long imageId, long classId, String station, Instant claimedAt) {
}
