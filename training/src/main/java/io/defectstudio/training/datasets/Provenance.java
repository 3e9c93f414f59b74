package io.defectstudio.training.datasets;

import java.time.Instant;

/**
 * Who made a mask and who signed it off; every field may be null when the project does not know it.
 * Times come from the project data, never from the moment of export, so exports stay reproducible.
 */
public record Provenance(
        String annotatedBy,
        String annotationKind,
        Instant annotatedAt,
        String approvedBy,
        Instant approvedAt,
        String predictedByModel,
        Instant predictedAt) {

    public static Provenance imported(String author) {
        return new Provenance(author, "IMPORTED", null, null, null, null, null);
    }

    public boolean approved() {
        return approvedBy != null;
    }
}
