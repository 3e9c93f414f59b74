package io.defectstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.app.workspace.ImportReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a folder through the Project menu: good files imported, bad ones skipped and reported. */
class ImportWindowTest extends WorkstationFixture {
    @TempDir
    Path folder;

    @Test
    void aCorruptFileIsReportedAndTheRestImported() throws Exception {
        writePng(folder.resolve("tile-a.png"), 80, 60, 1);
        writePng(folder.resolve("tile-b.png"), 64, 64, 2);
        byte[] png = pngBytes(96, 96, 3);
        Files.write(folder.resolve("broken.png"), Arrays.copyOf(png, png.length / 3));
        Files.writeString(folder.resolve("notes.txt"), "not an image");

        startWorkstation(data, TestModels.none());
        int before = fx(() -> vm().queue().entries().size());
        dialogs.folders.add(folder);
        clickOn("Project").clickOn("Import folder…");
        waitFor(60, () -> !dialogs.reports.isEmpty());
        ImportReport report = dialogs.reports.get(0);
        assertEquals(2, report.imported());
        Set<String> skipped = report.skipped().stream().map(s -> s.file().getFileName().toString())
                .collect(Collectors.toSet());
        assertEquals(Set.of("broken.png", "notes.txt"), skipped);
        assertTrue(report.skipped().stream().allMatch(s -> !s.reason().isBlank()));
        waitFor(20, () -> vm().queue().entries().size() == before + 2);
        assertTrue(vm().queue().entries().stream().anyMatch(e -> e.name().equals("tile-a.png")));
        waitFor(10, () -> lookup("#import-skipped").tryQuery().isPresent());
    }

    private static void writePng(Path file, int w, int h, int seed) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(pngBytes(w, h, seed));
        }
    }

    private static byte[] pngBytes(int w, int h, int seed) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random r = new java.util.Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, r.nextInt(256));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }
}
