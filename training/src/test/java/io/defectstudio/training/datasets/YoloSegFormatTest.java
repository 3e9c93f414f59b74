package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YOLO segmentation as Ultralytics and X-AnyLabeling write it, and as we write it for them. */
class YoloSegFormatTest {
    @TempDir
    Path tmp;

    @Test
    void anUltralyticsDatasetIsReadWithItsConventionsAndWhatItCannotSayIsReported() throws Exception {
        Path root = tmp.resolve("yolo");
        TestData.greyImage(root.resolve("images/val/part1.png"), 100, 50, 1);
        TestData.greyImage(root.resolve("images/val/part2.png"), 100, 50, 2);
        TestData.greyImage(root.resolve("images/train/part3.png"), 100, 50, 3);
        Files.writeString(root.resolve("data.yaml"), "path: ../datasets/steel  # comment\ntrain: images/train\n"
                + "val: images/val\nnames: ['scratch', pit]\n");
        Files.createDirectories(root.resolve("labels/val"));
        Files.createDirectories(root.resolve("labels/train"));
        // Two polygons of one class make one mask; a rectangle 10..29 x 10..19 in pixels, normalised.
        Files.writeString(root.resolve("labels/val/part1.txt"),
                "0 0.1 0.2 0.29 0.2 0.29 0.38 0.1 0.38\n0 0.5 0.5 0.59 0.5 0.59 0.68 0.5 0.68\n"
                        + "1 0.5 0.5 0.2 0.2\n7 0.1 0.1 0.2 0.1 0.2 0.2\n");
        Files.writeString(root.resolve("labels/val/part2.txt"), "");
        Files.writeString(root.resolve("labels/train/part3.txt"), "1 0.0 0.0 0.099 0.0 0.099 0.099 0.0 0.099\n");
        Files.writeString(root.resolve("labels/train/orphan.txt"), "0 0.1 0.1 0.2 0.1 0.2 0.2\n");

        CollectingTarget target = new CollectingTarget();
        ImportReport report = DatasetImporter.importInto(target, root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.YOLO_SEG, report.format());
        assertEquals(2, report.imported());
        List<String> reasons = report.skipped().stream().map(SkippedEntry::toString).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("labels/val/part1.txt:3") && r.contains("a box")));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("labels/val/part1.txt:4") && r.contains("class id 7")));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("labels/val/part2.txt") && r.contains("background")));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("labels/train/orphan.txt") && r.contains("no image")));

        DatasetItem scratch = target.stored.stream().filter(i -> i.className().equals("scratch")).findFirst()
                .orElseThrow();
        BufferedImage mask = scratch.mask().load();
        // x 0.1 * 100 = 10 .. 0.29 * 100 = 29, y 0.2 * 50 = 10 .. 0.38 * 50 = 19, both ends included as OpenCV does.
        assertTrue(MaskImages.sameDefects(union(TestData.rectMask(100, 50, 10, 10, 30, 20),
                TestData.rectMask(100, 50, 50, 25, 60, 35)), mask));
        DatasetItem pit = target.stored.stream().filter(i -> i.className().equals("pit")).findFirst().orElseThrow();
        assertTrue(MaskImages.sameDefects(TestData.rectMask(100, 50, 0, 0, 11, 6), pit.mask().load()));
    }

    @Test
    void ourExportFollowsTheirConventions() throws Exception {
        Path image = TestData.greyImage(tmp.resolve("src/plate.png"), 200, 100, 4);
        List<DatasetItem> items = List.of(
                TestData.item("scratch", image, TestData.rectMask(200, 100, 20, 10, 60, 30), Provenance.imported("qa")),
                TestData.item("pit", image, TestData.rectMask(200, 100, 100, 50, 101, 51), Provenance.imported("qa")));
        Path out = tmp.resolve("out");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.YOLO_SEG, out, ProgressListener.NONE);
        String yaml = Files.readString(out.resolve("data.yaml"));
        assertTrue(yaml.contains("names:\n  0: pit\n  1: scratch\n"), yaml);
        assertTrue(yaml.contains("train: images/train"), yaml);
        assertTrue(Files.exists(out.resolve("images/train/plate.png")));
        List<String> lines = Files.readAllLines(out.resolve("labels/train/plate.txt"));
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            String[] parts = line.split(" ");
            assertTrue(parts[0].equals("0") || parts[0].equals("1"), line);
            assertTrue(parts.length >= 7 && parts.length % 2 == 1, line);
            for (int k = 1; k < parts.length; k++) {
                double v = Double.parseDouble(parts[k]);
                assertTrue(v >= -0.01 && v <= 1, line);
            }
        }
        // The scratch's corners, as pixel positions over the image size.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1 0.100000 0.100000")), lines.toString());
    }

    private static BufferedImage union(BufferedImage a, BufferedImage b) {
        boolean[] x = MaskImages.defects(a);
        boolean[] y = MaskImages.defects(b);
        for (int i = 0; i < x.length; i++) {
            x[i] |= y[i];
        }
        return MaskImages.fromDefects(x, a.getWidth(), a.getHeight());
    }
}
