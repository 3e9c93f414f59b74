package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.datasets.io.ImageFiles;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Import the real demo subset, export it, import the export: the masks must not change. */
class RoundTripTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void importExportImportKeepsEveryMask(ExportFormat format) throws IOException {
        Path demo = DemoSubset.copyTo(tmp.resolve("demo"));
        CollectingTarget first = new CollectingTarget();
        ImportReport firstReport = DatasetImporter.importInto(first, demo, ImportFormat.AUTO, "qa",
                ProgressListener.NONE);
        assertEquals(ImportFormat.IMAGE_MASK_PAIRS, firstReport.format());
        assertEquals(40, firstReport.imported());
        assertEquals(List.of(), firstReport.skipped());

        Path exported = tmp.resolve("export");
        DatasetExporter.export(first.stored, ExportSelection.all(), format, exported, ProgressListener.NONE);

        CollectingTarget second = new CollectingTarget();
        ImportReport secondReport = DatasetImporter.importInto(second, exported, ImportFormat.AUTO, "qa",
                ProgressListener.NONE);
        assertEquals(expectedDetection(format), secondReport.format());
        assertEquals(List.of(), secondReport.skipped());
        assertEquals(40, secondReport.imported());

        Map<String, BufferedImage> before = TestData.masksByClassAndImage(first.stored);
        Map<String, BufferedImage> after = TestData.masksByClassAndImage(second.stored);
        assertEquals(before.keySet(), after.keySet());
        for (String key : before.keySet()) {
            // Polygons (YOLO, labelme, COCO polygons) hold no holes: a mask comes back with them filled, else the same.
            boolean polygons = format == ExportFormat.YOLO_SEG || format == ExportFormat.LABELME
                    || format == ExportFormat.COCO_POLYGON;
            BufferedImage expected = polygons ? withHolesFilled(before.get(key)) : before.get(key);
            assertTrue(MaskImages.sameDefects(expected, after.get(key)), key);
            assertArrayEquals(MaskImages.pixels(expected), MaskImages.pixels(after.get(key)), key);
        }

        // The export of what came back is the same file for file: from the first export on, or for the polygon
        // formats, which lose holes once, from the second (COCO's areas count the filled holes).
        Path again = tmp.resolve("again");
        DatasetExporter.export(second.stored, ExportSelection.all(), format, again, ProgressListener.NONE);
        Path reference = exported;
        if (format == ExportFormat.COCO_POLYGON) {
            CollectingTarget third = new CollectingTarget();
            DatasetImporter.importInto(third, again, ImportFormat.AUTO, "qa", ProgressListener.NONE);
            reference = again;
            again = tmp.resolve("third");
            DatasetExporter.export(third.stored, ExportSelection.all(), format, again, ProgressListener.NONE);
        }
        for (String f : TestData.tree(reference)) {
            if (!f.equals("manifest.json") && !f.equals("SHA256SUMS")) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
            }
        }
    }

    @Test
    void importBinarisesSoftMagneticTileMasksAtHalfRange() throws Exception {
        Path demo = DemoSubset.copyTo(tmp.resolve("demo"));
        Path softMask = demo.resolve("MT_Crack/exp1_num_249594.png");
        BufferedImage original = ImageIO.read(softMask.toFile());
        ImportPreview preview = DatasetImporter.preview(demo, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        DatasetItem crack = preview.items().stream()
                .filter(i -> i.imageName().equals("exp1_num_249594.jpg")).findFirst().orElseThrow();
        BufferedImage imported = crack.mask().load();
        int soft = 0;
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                int v = original.getRaster().getSample(x, y, 0);
                soft += v > 0 && v < 255 ? 1 : 0;
                assertEquals(v >= 128 ? 255 : 0, imported.getRaster().getSample(x, y, 0), x + "," + y);
            }
        }
        assertTrue(soft > 0, "the demo masks have soft edges, so the rule is exercised");
        assertEquals(ImageFiles.decode(demo.resolve("MT_Crack/exp1_num_249594.jpg")).getWidth(), imported.getWidth());
    }

    /** The mask with every background region that does not reach the border (8-connected defects) made defect. */
    private static BufferedImage withHolesFilled(BufferedImage mask) {
        int w = mask.getWidth();
        int h = mask.getHeight();
        boolean[] defect = MaskImages.defects(mask);
        boolean[] outside = new boolean[w * h];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        for (int p = 0; p < w * h; p++) {
            int x = p % w;
            int y = p / w;
            if (!defect[p] && (x == 0 || y == 0 || x == w - 1 || y == h - 1)) {
                outside[p] = true;
                todo.add(p);
            }
        }
        // Background is 4-connected where defects are 8-connected.
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!todo.isEmpty()) {
            int p = todo.poll();
            for (int[] d : steps) {
                int x = p % w + d[0];
                int y = p / w + d[1];
                int q = y * w + x;
                if (x >= 0 && y >= 0 && x < w && y < h && !defect[q] && !outside[q]) {
                    outside[q] = true;
                    todo.add(q);
                }
            }
        }
        boolean[] filled = new boolean[w * h];
        for (int p = 0; p < w * h; p++) {
            filled[p] = !outside[p];
        }
        return MaskImages.fromDefects(filled, w, h);
    }

    private static ImportFormat expectedDetection(ExportFormat format) {
        return switch (format) {
            case SURFACE_DEFECT_4I -> ImportFormat.SURFACE_DEFECT_4I;
            case FSSD_12 -> ImportFormat.FSSD_12;
            case COCO, COCO_POLYGON -> ImportFormat.COCO;
            case PNG_MASKS -> ImportFormat.PNG_MASKS;
            case YOLO_SEG -> ImportFormat.YOLO_SEG;
            case VOC -> ImportFormat.VOC;
            case LABELME -> ImportFormat.LABELME;
        };
    }
}
