package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.SkippedEntry;
import io.defectstudio.training.datasets.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a source folder against its {@code SHA256SUMS} ({@code sha256sum} format, as exports write it), so a
 * damaged or edited copy of an export cannot import silently wrong masks.
 */
public final class ChecksumList {
    public static final String FILE = "SHA256SUMS";

    private ChecksumList() {
    }

    /** @return each listed file that is missing or whose SHA-256 differs, with the reason; empty without a list */
    public static Map<Path, String> problems(Path root) throws IOException {
        Map<Path, String> problems = new HashMap<>();
        Path list = root.resolve(FILE);
        if (!Files.isDirectory(root) || !Files.isRegularFile(list)) {
            return problems;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            int split = line.indexOf("  ");
            if (split != 64) {
                continue;
            }
            String expected = line.substring(0, split);
            Path file = key(root.resolve(line.substring(split + 2)));
            if (!Files.isRegularFile(file)) {
                problems.put(file, "listed in " + FILE + " but missing");
            } else if (!Sha256.of(file).equalsIgnoreCase(expected)) {
                problems.put(file, "SHA-256 of " + root.relativize(file).toString().replace('\\', '/')
                        + " differs from " + FILE);
            }
        }
        return problems;
    }

    /**
     * Candidates none of whose files is damaged; the others, and damaged files no candidate uses (a deleted image,
     * an edited list), are added to {@code skipped}.
     */
    public static List<ImportCandidate> keepIntact(Path source, List<ImportCandidate> candidates,
                                                   List<SkippedEntry> skipped) throws IOException {
        Map<Path, String> damaged = problems(source);
        List<ImportCandidate> intact = new ArrayList<>();
        Set<Path> reported = new HashSet<>();
        for (ImportCandidate c : candidates) {
            List<Path> bad = c.files().stream().map(ChecksumList::key).filter(damaged::containsKey).toList();
            if (bad.isEmpty()) {
                intact.add(c);
            } else {
                skipped.add(new SkippedEntry(c.entry(), damaged.get(bad.get(0))));
                reported.addAll(bad);
            }
        }
        damaged.entrySet().stream()
                .filter(e -> !reported.contains(e.getKey()))
                .map(e -> new SkippedEntry(Folders.relative(source, e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(SkippedEntry::entry))
                .forEach(skipped::add);
        return intact;
    }

    public static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
