package io.defectstudio.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueFilterTest {
    private final List<QueueEntry> entries = List.of(
            new QueueEntry(1, "a", ImageStatus.PREDICTED, 0.9, Set.of(1L)),
            new QueueEntry(2, "b", ImageStatus.PREDICTED, 0.2, Set.of(1L)),
            new QueueEntry(3, "c", ImageStatus.UNLABELLED, Double.NaN, Set.of()),
            new QueueEntry(4, "d", ImageStatus.SUPPORT, Double.NaN, Set.of(2L)),
            new QueueEntry(5, "e", ImageStatus.ACCEPTED, 0.5, Set.of(1L)));

    @Test
    void confidenceOrderPutsLeastConfidentFirstAndUnpredictedLast() {
        List<Long> ids = QueueFilter.ALL.apply(entries,
                QueueOrder.CONFIDENCE).stream().map(QueueEntry::imageId).toList();
        assertEquals(List.of(2L, 5L, 1L, 3L, 4L), ids);
    }

    @Test
    void filtersByStatus() {
        List<Long> ids = QueueFilter.status(ImageStatus.PREDICTED).apply(entries, QueueOrder.IMPORT).stream()
                .map(QueueEntry::imageId).toList();
        assertEquals(List.of(1L, 2L), ids);
    }

    @Test
    void filtersByAPieceOfTheNameWhateverItsCase() {
        List<Long> ids = QueueFilter.ALL.withName(" C ").apply(entries, QueueOrder.IMPORT).stream()
                .map(QueueEntry::imageId).toList();
        assertEquals(List.of(3L), ids);
        assertEquals(List.of(), QueueFilter.ALL.withName("no such image").apply(entries, QueueOrder.IMPORT));
        assertEquals(entries.size(), QueueFilter.ALL.withName("  ").apply(entries, QueueOrder.IMPORT).size());
    }

    @Test
    void filtersByClass() {
        List<Long> ids = QueueFilter.ALL.withClass(2L).apply(entries, QueueOrder.IMPORT).stream()
                .map(QueueEntry::imageId).toList();
        assertEquals(List.of(4L), ids);
    }

    @Test
    void statusDerivationPrefersFlagThenSupportThenDecision() {
        assertEquals(ImageStatus.FLAGGED, ImageStatus.derive(new StatusFacts(true, true, false, true, true)));
        assertEquals(ImageStatus.SUPPORT, ImageStatus.derive(new StatusFacts(true, false, false, true, false)));
        assertEquals(ImageStatus.CORRECTED, ImageStatus.derive(new StatusFacts(false, true, true, true, false)));
        assertEquals(ImageStatus.ACCEPTED, ImageStatus.derive(new StatusFacts(false, true, false, true, false)));
        assertEquals(ImageStatus.PREDICTED, ImageStatus.derive(new StatusFacts(false, false, false, true, false)));
        assertEquals(ImageStatus.UNLABELLED, ImageStatus.derive(StatusFacts.NONE));
    }
}
