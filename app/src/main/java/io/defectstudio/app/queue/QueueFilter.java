package io.defectstudio.app.queue;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which queue entries to show: a set of statuses (empty = all), an optional class (null = all; otherwise images
 * holding a mask or prediction of that class) and a piece of the file name (blank = all; case does not matter).
 */
public record QueueFilter(Set<ImageStatus> statuses, Long classId, String nameContains)
        implements Predicate<QueueEntry> {
    public static final QueueFilter ALL = new QueueFilter(Set.of(), null, "");

    public QueueFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        nameContains = nameContains == null ? "" : nameContains.strip().toLowerCase(Locale.ROOT);
    }

    public QueueFilter(Set<ImageStatus> statuses, Long classId) {
        this(statuses, classId, "");
    }

    public static QueueFilter status(ImageStatus s) {
        return new QueueFilter(Set.of(s), null);
    }

    public QueueFilter withClass(Long id) {
        return new QueueFilter(statuses, id, nameContains);
    }

    public QueueFilter withName(String piece) {
        return new QueueFilter(statuses, classId, piece);
    }

    @Override
    public boolean test(QueueEntry e) {
        return (statuses.isEmpty() || statuses.contains(e.status()))
                && (classId == null || e.classIds().contains(classId))
                && (nameContains.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(nameContains));
    }

    /** Filters then sorts. */
    public List<QueueEntry> apply(List<QueueEntry> entries, QueueOrder order) {
        return entries.stream().filter(this).sorted(order.comparator()).toList();
    }
}
