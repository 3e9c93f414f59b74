package io.defectstudio.training.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies the demo subset (real magnetic-tile images and masks, from the resources module) into a folder. */
final class DemoSubset {
    private static final String ROOT = "/io/defectstudio/resources/demo/";

    private DemoSubset() {
    }

    /** @return the folder, laid out as {@code MT_<Class>/<stem>.jpg + <stem>.png} */
    static Path copyTo(Path dir) throws IOException {
        for (String line : index().subList(1, index().size())) {
            String[] cols = line.split("\t");
            copy(cols[1], dir);
            copy(cols[2], dir);
        }
        return dir;
    }

    static List<String> index() throws IOException {
        try (InputStream in = DemoSubset.class.getResourceAsStream(ROOT + "index.tsv")) {
            if (in == null) {
                throw new IllegalStateException("demo subset not on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
        }
    }

    private static void copy(String relative, Path dir) throws IOException {
        Path target = dir.resolve(relative);
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoSubset.class.getResourceAsStream(ROOT + relative)) {
            Files.copy(in, target);
        }
    }
}
