package io.defectstudio.app.queue;

import java.util.Comparator;

/** How the queue is sorted. */
public enum QueueOrder {
    IMPORT("Import order", Comparator.comparingLong(QueueEntry::imageId)),
    NAME("Name", Comparator.comparing(QueueEntry::name).thenComparingLong(QueueEntry::imageId)),
    /** Least confident predictions first, so inspectors review the doubtful ones; images without one go last. */
    CONFIDENCE("Least confident first", Comparator
            .comparingDouble((QueueEntry e) -> Double.isNaN(e.confidence()) ? Double.POSITIVE_INFINITY : e.confidence())
            .thenComparingLong(QueueEntry::imageId));

    private final String label;
    private final Comparator<QueueEntry> comparator;

    QueueOrder(String label, Comparator<QueueEntry> comparator) {
        this.label = label;
        this.comparator = comparator;
    }

    public Comparator<QueueEntry> comparator() {
        return comparator;
    }

    @Override
    public String toString() {
        return label;
    }
}
