package io.defectstudio.app.queue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which queue entries to show: a set of statuses (empty = all) and an optional class (null = all; otherwise images
 * holding a mask or prediction of that class).
 */
public record QueueFilter(Set<ImageStatus> statuses, Long classId) implements Predicate<QueueEntry> {
    public static final QueueFilter ALL = new QueueFilter(Set.of(), null);

    public QueueFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static QueueFilter status(ImageStatus s) {
        return new QueueFilter(Set.of(s), null);
    }

    public QueueFilter withClass(Long id) {
        return new QueueFilter(statuses, id);
    }

    @Override
    public boolean test(QueueEntry e) {
        return (statuses.isEmpty() || statuses.contains(e.status()))
                && (classId == null || e.classIds().contains(classId));
    }

    /** Filters then sorts. */
    public List<QueueEntry> apply(List<QueueEntry> entries, QueueOrder order) {
        return entries.stream().filter(this).sorted(order.comparator()).toList();
    }
}
