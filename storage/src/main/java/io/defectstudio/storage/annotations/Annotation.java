package io.defectstudio.storage.annotations;

import java.time.Instant;

/**
 * One saved version of the mask for an (image, defect class). {@code restoredFromId} is the version this one copied
 * when it was made by {@link AnnotationRepository#restore}, else {@code null}.
 */
public record Annotation(long id, long imageId, long classId, int version, AnnotationKind kind, String author,
                         Instant createdAt, Long restoredFromId, long defectPixels) {
}
