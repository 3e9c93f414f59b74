package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project > Export dataset… and Import dataset… on the real window, with the report of what was skipped. */
class DatasetWindowTest extends WorkstationFixture {
    @TempDir
    Path exports;

    @Test
    void theDemoGoesOutAndIntoANewProjectWithTheDamagedImageReported() throws Exception {
        startWorkstation(data, TestModels.none());
        dialogs.texts.add("png-masks");
        dialogs.folders.add(exports);
        fx(() -> {
            workstation.exportDataset();
            return null;
        });
        waitFor(60, () -> message().startsWith("Exported "));
        ProgressBar bar = lookup("#dataset-progress").queryAs(ProgressBar.class);
        assertEquals(1.0, fx(bar::getProgress), 1e-9);
        assertTrue(fx(bar::getHeight) > 5, "the progress bar is shown: " + fx(bar::getHeight));
        Path export = exports.resolve("demo-png-masks");
        assertTrue(Files.exists(export.resolve("manifest.json")), "exported into a new folder");
        clickOn("#dataset-close");

        // A damaged image in the dataset: reported with its reason, the rest goes in.
        Path victim;
        try (Stream<Path> s = Files.walk(export.resolve("images"))) {
            victim = s.filter(f -> f.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        Files.write(victim, Arrays.copyOf(bytes, bytes.length / 3));
        Files.delete(export.resolve("SHA256SUMS"));
        Files.delete(export.resolve("manifest.json"));
        // Into a new project, made in the window.
        dialogs.folders.add(exports.resolve("fresh"));
        dialogs.texts.add("fresh");
        fx(() -> {
            workstation.newProject();
            return null;
        });
        waitFor(20, () -> "fresh".equals(vm().session().projectNameProperty().get()));

        dialogs.folders.add(export);
        fx(() -> {
            workstation.importDataset();
            return null;
        });
        waitFor(60, () -> message().startsWith("Imported 9 mask(s)"));
        @SuppressWarnings("unchecked")
        ListView<String> skipped = lookup("#dataset-skipped").queryAs(ListView.class);
        assertTrue(fx(() -> skipped.getItems().stream().anyMatch(s -> s.contains(victim.getFileName().toString()))),
                fx(() -> skipped.getItems().toString()));
        clickOn("#dataset-close");
        waitFor(20, () -> vm().queue().entries().size() == 9);
    }

    private String message() {
        return lookup("#dataset-message").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

}
