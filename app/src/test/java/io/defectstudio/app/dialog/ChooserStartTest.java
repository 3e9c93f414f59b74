package io.defectstudio.app.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChooserStartTest {

    @Test
    void choosersOpenInTheLastChosenFolderElseHome(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ChooserStart start = new ChooserStart(home);
        assertEquals(home, start.folder(), "not the program's working folder");
        Path images = Files.createDirectories(dir.resolve("line3/images"));
        start.chose(images);
        assertEquals(images, start.folder());
        Path exports = Files.createDirectories(dir.resolve("exports"));
        start.chose(exports.resolve("summary.csv"));
        assertEquals(exports, start.folder(), "a saved file's folder");
        Files.delete(exports);
        assertEquals(home, start.folder(), "a folder that is gone is not offered");
    }
}
