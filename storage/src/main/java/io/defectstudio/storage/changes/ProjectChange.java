package io.defectstudio.storage.changes;

import java.util.Optional;

/**
 * Another station (or this one) committed a change to a shared project.
 *
 * @param table   the table that changed: {@code annotation}, {@code review}, {@code prediction}, {@code image},
 *                {@code defect_class}, {@code model}, {@code image_claim} or {@code training_run}
 * @param imageId the image it concerns, where the table has one
 * @param classId the defect class it concerns, where the table has one
 * @param ours    whether this project's own connection wrote it (another {@code Project} in the same application, a
 *                review window say, counts as another station)
 */
public record ProjectChange(String table, Optional<Long> imageId, Optional<Long> classId, boolean ours) {

    /** Parses the payload the database sends: {@code "<table> <image id> <class id>"}, ids blank when absent. */
    public static ProjectChange parse(String payload, boolean ours) {
        String[] parts = payload.split(" ", -1);
        return new ProjectChange(parts[0], id(parts, 1), id(parts, 2), ours);
    }

    private static Optional<Long> id(String[] parts, int index) {
        if (index >= parts.length || parts[index].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts[index]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
