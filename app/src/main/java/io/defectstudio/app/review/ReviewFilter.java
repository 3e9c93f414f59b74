package io.defectstudio.app.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the supervisor narrows the list to; a {@code null} field (or no class) means "any".
 *
 * @param classIds  the defect classes shown (empty: all)
 * @param status    one review status
 * @param from      first day (inclusive) of the item's time, in {@code zone}
 * @param to        last day (inclusive)
 * @param inspector exact inspector name
 * @param flaggedOnly only the parts an inspector flagged for a second look
 */
public record ReviewFilter(Set<Long> classIds, ReviewStatus status, LocalDate from, LocalDate to, String inspector,
                           boolean flaggedOnly, ZoneId zone) implements Predicate<ReviewItem> {
    public static ReviewFilter all(ZoneId zone) {
        return new ReviewFilter(Set.of(), null, null, null, null, false, zone);
    }

    public ReviewFilter {
        classIds = classIds == null ? Set.of() : Set.copyOf(classIds);
        if (zone == null) {
            throw new IllegalArgumentException("a filter needs a time zone for its dates");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
        if (inspector != null && inspector.isBlank()) {
            inspector = null;
        }
    }

    @Override
    public boolean test(ReviewItem item) {
        if (!classIds.isEmpty() && !classIds.contains(item.classId())) {
            return false;
        }
        if (flaggedOnly && !item.flagged()) {
            return false;
        }
        if (status != null && item.status() != status) {
            return false;
        }
        LocalDate day = item.time().atZone(zone).toLocalDate();
        if (from != null && day.isBefore(from)) {
            return false;
        }
        if (to != null && day.isAfter(to)) {
            return false;
        }
        return inspector == null || inspector.equals(item.inspector());
    }
}
