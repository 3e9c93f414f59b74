package io.defectstudio.training.datasets.imports;

import io.defectstudio.training.datasets.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

    public static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
