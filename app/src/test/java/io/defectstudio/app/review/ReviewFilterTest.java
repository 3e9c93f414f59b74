package io.defectstudio.app.review;

import static io.defectstudio.app.review.SummaryStatisticsTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewFilterTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final List<ReviewItem> items = List.of(
            item(1, 1, "scratch", 10, ReviewStatus.PENDING, "ines", Instant.parse("2026-11-19T23:30:00Z")),
            item(2, 1, "scratch", 10, ReviewStatus.APPROVED, "olaf", Instant.parse("2026-11-20T12:00:00Z")),
            item(3, 2, "pit", 10, ReviewStatus.PENDING, "ines", Instant.parse("2026-11-21T09:00:00Z")),
            item(4, 2, "pit", 10, ReviewStatus.RELABEL, "", Instant.parse("2026-11-22T09:00:00Z")));

    private List<Long> ids(ReviewFilter f) {
        return items.stream().filter(f).map(ReviewItem::imageId).toList();
    }

    @Test
    void emptyFilterKeepsEverything() {
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(ReviewFilter.all(BERLIN)));
    }

    @Test
    void filtersCombineClassStatusAndInspector() {
        assertEquals(List.of(3L, 4L), ids(new ReviewFilter(Set.of(2L), null, null, null, null, false, BERLIN)));
        assertEquals(List.of(1L, 3L), ids(new ReviewFilter(Set.of(), ReviewStatus.PENDING, null, null, null, false,
                BERLIN)));
        assertEquals(List.of(3L), ids(new ReviewFilter(Set.of(2L), ReviewStatus.PENDING, null, null, "ines", false,
                BERLIN)));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(new ReviewFilter(Set.of(1L, 2L), null, null, null, null, false,
                BERLIN)), "several classes at once");
        assertEquals(List.of(1L, 2L, 3L, 4L), ids(new ReviewFilter(Set.of(), null, null, null, "  ", false, BERLIN)));
    }

    @Test
    void datesAreInclusiveDaysInTheLocalZone() {
        // 23:30 UTC on the 19th is already the 20th in Berlin.
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertEquals(List.of(1L, 2L), ids(new ReviewFilter(Set.of(), null, day, day, null, false, BERLIN)));
        assertEquals(List.of(2L), ids(new ReviewFilter(Set.of(), null, day, day, null, false, ZoneId.of("UTC"))));
        assertEquals(List.of(3L, 4L), ids(new ReviewFilter(Set.of(), null, LocalDate.of(2026, 11, 21), null, null,
                false, BERLIN)));
    }

    @Test
    void flaggedOnlyKeepsThePartsAnInspectorFlagged() {
        List<ReviewItem> mixed = List.of(items.get(0), new ReviewItem(9, "img9", 1, "scratch", true, true,
                items.get(0).measure(), items.get(0).confidence(), "olaf", items.get(0).time(), ReviewStatus.PENDING,
                        "", "", null));
        assertEquals(List.of(9L), mixed.stream().filter(new ReviewFilter(Set.of(), null, null, null, null, true,
                BERLIN))
                .map(ReviewItem::imageId).toList());
    }

    @Test
    void reversedRangeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new ReviewFilter(Set.of(), null, LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 20), null, false, BERLIN));
    }
}
