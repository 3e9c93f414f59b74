package io.defectstudio.training.datasets.layout;

import io.defectstudio.training.datasets.export.ClassIndex;
import io.defectstudio.training.datasets.export.ExportEntry;
import io.defectstudio.training.datasets.export.UniqueNames;
import io.defectstudio.training.datasets.io.ExportSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared steps of the per-class folder layouts: grouping, file names, list files. */
final class ClassFolders {
    private ClassFolders() {
    }

    /** Export file name of each entry, unique within its class folder. Entries arrive sorted by class. */
    static Map<ExportEntry, String> fileNames(List<ExportEntry> entries) {
        Map<String, List<ExportEntry>> byClass = new LinkedHashMap<>();
        for (ExportEntry e : entries) {
            byClass.computeIfAbsent(e.item().className(), k -> new ArrayList<>()).add(e);
        }
        Map<ExportEntry, String> names = new LinkedHashMap<>();
        byClass.values().forEach(group -> names.putAll(UniqueNames.assign(group)));
        return names;
    }

    static void writeClassList(ClassIndex classes, ExportSink sink) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String name : classes.names()) {
            s.append(classes.indexOf(name)).append(' ').append(name).append('\n');
        }
        sink.write("data_list/classes.txt", s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void writeLines(ExportSink sink, String path, List<String> lines) throws IOException {
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l).append('\n'));
        sink.write(path, s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
