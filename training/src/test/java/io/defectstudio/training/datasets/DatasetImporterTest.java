package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedImageIsReportedAndTheRestImports() throws IOException {
        Path demo = DemoSubset.copyTo(tmp.resolve("demo"));
        Path jpg = firstJpg(demo.resolve("MT_Fray"));
        byte[] bytes = Files.readAllBytes(jpg);
        Files.write(jpg, Arrays.copyOf(bytes, bytes.length / 2));

        CollectingTarget target = new CollectingTarget();
        ImportReport report = DatasetImporter.importInto(target, demo, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(39, report.imported());
        assertEquals(1, report.skipped().size());
        SkippedEntry skipped = report.skipped().get(0);
        assertEquals("MT_Fray/" + jpg.getFileName(), skipped.entry());
        assertTrue(skipped.reason().contains("corrupt or truncated"), skipped.reason());
        assertTrue(target.stored.stream().noneMatch(i -> i.imageFile().equals(demo.resolve(skipped.entry()))));
    }

    @Test
    void maskOfTheWrongSizeIsReported() throws IOException {
        Path root = tmp.resolve("mt");
        TestData.greyImage(root.resolve("MT_Break/Imgs/a.bmp"), 20, 10, 1);
        TestData.writePng(TestData.rectMask(20, 10, 1, 1, 4, 4), root.resolve("MT_Break/Imgs/a.png"));
        TestData.greyImage(root.resolve("MT_Break/Imgs/b.bmp"), 20, 10, 2);
        TestData.writePng(TestData.rectMask(10, 10, 1, 1, 4, 4), root.resolve("MT_Break/Imgs/b.png"));

        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.IMAGE_MASK_PAIRS, preview.format());
        assertEquals(List.of("a.bmp"), preview.items().stream().map(DatasetItem::imageName).toList());
        assertEquals(1, preview.skipped().size());
        assertEquals("MT_Break/Imgs/b.bmp", preview.skipped().get(0).entry());
        assertTrue(preview.skipped().get(0).reason().contains("is 10x10 but its image is 20x10"),
                preview.skipped().get(0).reason());
    }

    @Test
    void labelmeFilePointingAtAMissingImageIsReported() throws IOException {
        Path root = tmp.resolve("labelme");
        TestData.greyImage(root.resolve("tile1.png"), 10, 8, 1);
        Files.writeString(root.resolve("tile1.json"), labelme("tile1.png", 10, 8,
                "{\"label\":\"Crack\",\"points\":[[2,1],[6,1],[6,4],[2,4]],\"shape_type\":\"polygon\"}"));
        Files.writeString(root.resolve("tile2.json"), labelme("missing.png", 10, 8,
                "{\"label\":\"Crack\",\"points\":[[2,1],[6,1],[6,4]],\"shape_type\":\"polygon\"}"));

        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.LABELME, preview.format());
        assertEquals(List.of(new SkippedEntry("tile2.json", "labelme file points at a missing image missing.png")),
                preview.skipped());
        assertEquals(1, preview.items().size());
        BufferedImage mask = preview.items().get(0).mask().load();
        // vertices on pixel centres 2..6 x 1..4, border included: 5 x 4 pixels.
        assertTrue(MaskImages.sameDefects(TestData.rectMask(10, 8, 2, 1, 7, 5), mask));
    }

    @Test
    void labelmeSizeDisagreeingWithTheImageAndUnsupportedShapesAreReported() throws IOException {
        Path root = tmp.resolve("labelme");
        TestData.greyImage(root.resolve("tile.png"), 10, 8, 1);
        Files.writeString(root.resolve("tile.json"), labelme("tile.png", 12, 8,
                "{\"label\":\"Pit\",\"points\":[[2,1],[6,1],[6,4]],\"shape_type\":\"polygon\"},"
                        + "{\"label\":\"Pit\",\"points\":[[2,1],[3,3]],\"shape_type\":\"circle\"}"));
        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.LABELME, "qa", ProgressListener.NONE);
        assertEquals(0, preview.items().size());
        assertEquals(2, preview.skipped().size());
        assertEquals("tile.json#shapes[1]", preview.skipped().get(0).entry());
        assertTrue(preview.skipped().get(1).reason().contains("says 12x8 but the image is 10x8"));
    }

    @Test
    void cocoAnnotationForAnUnknownImageIsReported() throws IOException {
        Path root = tmp.resolve("coco");
        TestData.greyImage(root.resolve("images/t.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "t.png", "width": 3, "height": 4}],
                 "categories": [{"id": 5, "name": "Pit"}],
                 "annotations": [
                   {"id": 10, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 11, "image_id": 2, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 12, "image_id": 1, "category_id": 9, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 13, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": [0, 13]}}
                 ]}
                """);
        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.COCO, preview.format());
        assertEquals(List.of(
                new SkippedEntry("annotations.json#annotation 11", "refers to unknown image id 2"),
                new SkippedEntry("annotations.json#annotation 12", "refers to unknown category id 9"),
                new SkippedEntry("annotations.json#annotation 13",
                        "malformed annotation: RLE counts sum to 13 but the mask has 3x4 = 12 pixels")),
                preview.skipped());
        assertEquals(1, preview.items().size());
        BufferedImage mask = preview.items().get(0).mask().load();
        assertEquals(255, mask.getRaster().getSample(1, 0, 0));
        assertEquals(255, mask.getRaster().getSample(0, 3, 0));
        assertEquals(0, mask.getRaster().getSample(0, 0, 0));
    }

    @Test
    void anImageWhoseOnlyAnnotationWasSkippedGetsNoMask() throws IOException {
        Path root = tmp.resolve("coco-broken");
        TestData.greyImage(root.resolve("images/b.png"), 219, 264, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "b.png", "width": 219, "height": 264}],
                 "categories": [{"id": 1, "name": "Blowhole"}],
                 "annotations": [{"id": 7, "image_id": 1, "category_id": 1,
                                  "segmentation": {"size": [264, 219], "counts": [10, 20, 30]}}]}
                """);
        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.COCO, "qa", ProgressListener.NONE);
        assertEquals(0, preview.items().size(), "an all-zero mask would be a false defect-free label");
        assertTrue(preview.skipped().stream().anyMatch(e -> e.entry().equals("annotations.json#annotation 7")),
                preview.skipped().toString());
    }

    @Test
    void aTinyFileDeclaringHugeMasksAllocatesNothingAndIsRefused() throws IOException {
        Path root = tmp.resolve("coco-bomb");
        TestData.greyImage(root.resolve("images/s.png"), 219, 264, 1);
        StringBuilder annotations = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            annotations.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append(", \"image_id\": 1,"
                    + " \"category_id\": 1, \"segmentation\": {\"size\": [40000, 40000],"
                    + " \"counts\": [0, 1600000000]}}");
        }
        Files.writeString(root.resolve("annotations.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"s.png\","
                + " \"width\": 40000, \"height\": 40000}], \"categories\": [{\"id\": 1, \"name\": \"Pit\"}],"
                + " \"annotations\": [" + annotations + "]}");
        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.COCO, "qa", ProgressListener.NONE);
        assertEquals(0, preview.items().size());
        assertTrue(preview.skipped().stream().anyMatch(e -> e.reason().contains(
                "says 40000x40000 but the image is 219x264")), preview.skipped().toString());
    }

    @Test
    void aFileNameLeadingOutsideTheFolderIsRefused() throws IOException {
        Path root = tmp.resolve("coco-escape");
        TestData.greyImage(tmp.resolve("secret.png"), 3, 4, 1);
        TestData.greyImage(root.resolve("images/ok.png"), 3, 4, 1);
        Files.writeString(root.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "../../secret.png", "width": 3, "height": 4},
                            {"id": 2, "file_name": "%s", "width": 3, "height": 4},
                            {"id": 3, "file_name": "ok.png", "width": 3, "height": 4}],
                 "categories": [{"id": 5, "name": "Pit"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 2, "image_id": 2, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}},
                   {"id": 3, "image_id": 3, "category_id": 5, "segmentation": {"size": [4, 3], "counts": "333ON"}}
                 ]}
                """.formatted(tmp.resolve("secret.png").toAbsolutePath()));
        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.COCO, "qa", ProgressListener.NONE);
        assertEquals(1, preview.items().size());
        assertEquals(2, preview.skipped().stream().filter(e -> e.reason().contains("points outside")).count(),
                preview.skipped().toString());
    }

    @Test
    void cocoPolygonsAndLabelmeRectanglesAreRasterised() throws IOException {
        Path coco = tmp.resolve("coco");
        TestData.greyImage(coco.resolve("images/p.png"), 5, 4, 1);
        Files.writeString(coco.resolve("annotations.json"), """
                {"images": [{"id": 1, "file_name": "p.png", "width": 5, "height": 4}],
                 "categories": [{"id": 1, "name": "Pit"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 0,
                                  "segmentation": [[1, 1, 3, 1, 3, 2, 1, 2]]}]}
                """);
        BufferedImage fromCoco = DatasetImporter.preview(coco, ImportFormat.COCO, "qa", ProgressListener.NONE)
                .items().get(0).mask().load();
        assertTrue(MaskImages.sameDefects(TestData.rectMask(5, 4, 1, 1, 4, 3), fromCoco));

        Path labelme = tmp.resolve("labelme");
        TestData.greyImage(labelme.resolve("r.png"), 5, 4, 1);
        Files.writeString(labelme.resolve("r.json"), labelme("r.png", 5, 4,
                "{\"label\":\"Dent\",\"points\":[[1,1],[3,2]],\"shape_type\":\"rectangle\"}"));
        BufferedImage fromLabelme = DatasetImporter.preview(labelme, ImportFormat.AUTO, "qa", ProgressListener.NONE)
                .items().get(0).mask().load();
        assertTrue(MaskImages.sameDefects(TestData.rectMask(5, 4, 1, 1, 4, 3), fromLabelme));
    }

    @Test
    void surfaceDefect4iFolderReportsMissingMasksAndOrphanMasks() throws IOException {
        Path root = tmp.resolve("sd4i");
        TestData.greyImage(root.resolve("Rail/Images/r1.png"), 8, 8, 1);
        TestData.writePng(TestData.rectMask(8, 8, 0, 0, 3, 3), root.resolve("Rail/GT/r1.png"));
        TestData.greyImage(root.resolve("Rail/Images/r2.png"), 8, 8, 2);
        TestData.writePng(TestData.rectMask(8, 8, 0, 0, 3, 3), root.resolve("Rail/GT/r9.png"));
        TestData.greyImage(root.resolve("Rail/Nd/ok.png"), 8, 8, 3);

        ImportPreview preview = DatasetImporter.preview(root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.SURFACE_DEFECT_4I, preview.format());
        assertEquals(List.of(new SkippedEntry("Rail/Images/r2.png", "no mask Rail/GT/r2.png"),
                new SkippedEntry("Rail/GT/r9.png", "mask without an image in Rail/Images")), preview.skipped());
        assertEquals(2, preview.items().size());
        DatasetItem clean = preview.items().stream().filter(i -> i.imageName().equals("ok.png")).findFirst()
                .orElseThrow();
        assertTrue(MaskImages.isEmpty(clean.mask().load()));
    }

    @Test
    void exportFilesThatNoLongerMatchTheirChecksumsAreReported() throws IOException {
        Path demo = DemoSubset.copyTo(tmp.resolve("demo"));
        ImportPreview original = DatasetImporter.preview(demo, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        Path export = tmp.resolve("export");
        DatasetExporter.export(original.items(), ExportSelection.all(), ExportFormat.SURFACE_DEFECT_4I, export,
                ProgressListener.NONE);
        Path gt = export.resolve("MT_Break/GT/exp1_num_116934.png");
        BufferedImage edited = javax.imageio.ImageIO.read(gt.toFile());
        TestData.writePng(MaskImages.empty(edited.getWidth(), edited.getHeight()), gt);
        Files.delete(export.resolve("MT_Free/Nd/" + firstName(export.resolve("MT_Free/Nd"))));

        ImportPreview preview = DatasetImporter.preview(export, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(38, preview.items().size());
        assertEquals(2, preview.skipped().size(), preview.skipped().toString());
        assertEquals(new SkippedEntry("MT_Break/Images/exp1_num_116934.jpg",
                "SHA-256 of MT_Break/GT/exp1_num_116934.png differs from SHA256SUMS"), preview.skipped().get(0));
        assertTrue(preview.skipped().get(1).entry().startsWith("MT_Free/Nd/"));
        assertEquals("listed in SHA256SUMS but missing", preview.skipped().get(1).reason());
    }

    @Test
    void folderOfNoKnownLayoutIsATypedError() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThrows(DatasetFormatException.class,
                () -> DatasetImporter.preview(tmp, ImportFormat.AUTO, "qa", ProgressListener.NONE));
    }

    private static String labelme(String imagePath, int w, int h, String shapes) {
        return "{\"version\":\"5.4.1\",\"flags\":{},\"shapes\":[" + shapes + "],\"imagePath\":\"" + imagePath
                + "\",\"imageData\":null,\"imageHeight\":" + h + ",\"imageWidth\":" + w + "}";
    }

    private static String firstName(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static Path firstJpg(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
    }
}
