package io.defectstudio.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Imports every regular file of a folder; a bad file is listed in the report and the rest go on. */
public final class FolderImporter {
    private final ProjectStore store;

    public FolderImporter(ProjectStore store) {
        this.store = store;
    }

    /** Files of {@code folder} (not recursive, hidden files left out), sorted by name. */
    public static List<Path> listFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** Imports {@code files}, calling {@code progress(done, total)} after each. */
    public ImportReport importFiles(List<Path> files, BiConsumer<Integer, Integer> progress) {
        int imported = 0;
        int duplicates = 0;
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                if (store.importImage(f).duplicate()) {
                    duplicates++;
                } else {
                    imported++;
                }
            } catch (RuntimeException e) {
                skipped.add(new ImportReport.Skipped(f, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            progress.accept(i + 1, files.size());
        }
        return new ImportReport(imported, duplicates, skipped);
    }
}
