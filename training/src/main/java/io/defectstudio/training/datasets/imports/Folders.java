package io.defectstudio.training.datasets.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Sorted folder listings, so reading order (and thus reports) never depend on the file system. */
public final class Folders {
    private Folders() {
    }

    public static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    public static List<Path> files(Path dir) throws IOException {
        return children(dir).stream().filter(Files::isRegularFile).toList();
    }

    public static List<Path> dirs(Path dir) throws IOException {
        return children(dir).stream().filter(Files::isDirectory).toList();
    }

    /** {@code file} relative to the source folder (or to the folder of a source file), '/' separated. */
    public static String relative(Path root, Path file) {
        Path base = (Files.isRegularFile(root) ? root.getParent() : root).toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(base) ? base.relativize(f).toString().replace('\\', '/') : file.toString();
    }
}
