package io.defectstudio.training.datasets;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which items go into an export.
 *
 * @param approvedOnly only masks whose latest review approved them
 * @param classes      class names to keep; empty keeps every class
 * @param from         earliest annotation time kept (inclusive), or null
 * @param to           latest annotation time kept (exclusive), or null
 */
public record ExportSelection(boolean approvedOnly, Set<String> classes, Instant from, Instant to) {

    public ExportSelection {
        classes = Set.copyOf(new TreeSet<>(classes));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("empty date range: from " + from + " is not before to " + to);
        }
    }

    public static ExportSelection all() {
        return new ExportSelection(false, Set.of(), null, null);
    }

    public static ExportSelection approved() {
        return new ExportSelection(true, Set.of(), null, null);
    }

    public ExportSelection withClasses(Set<String> names) {
        return new ExportSelection(approvedOnly, names, from, to);
    }

    public ExportSelection between(Instant fromInclusive, Instant toExclusive) {
        return new ExportSelection(approvedOnly, classes, fromInclusive, toExclusive);
    }

    public boolean accepts(DatasetItem item) {
        Provenance p = item.provenance();
        if (approvedOnly && !p.approved()) {
            return false;
        }
        if (!classes.isEmpty() && !classes.contains(item.className())) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        Instant at = p.annotatedAt();
        if (at == null) {
            return false;
        }
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
