package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.defectstudio.training.datasets.coco.CocoRle;
import io.defectstudio.training.datasets.io.MaskImages;
import io.defectstudio.training.datasets.io.Sha256;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetExporterTest {
    private static final Instant DAY1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    static Path shared;
    private static List<DatasetItem> demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importDemoSubsetOnce() throws IOException {
        Path folder = DemoSubset.copyTo(shared.resolve("demo"));
        ImportPreview preview = DatasetImporter.preview(folder, ImportFormat.IMAGE_MASK_PAIRS, "importer",
                ProgressListener.NONE);
        assertEquals(List.of(), preview.skipped());
        demo = preview.items();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void sameSelectionGivesByteIdenticalFiles(ExportFormat format) throws IOException {
        List<DatasetItem> items = demoItems();
        ExportReport first = DatasetExporter.export(items, ExportSelection.all(), format, tmp.resolve("a"),
                ProgressListener.NONE);
        List<DatasetItem> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        ExportReport second = DatasetExporter.export(reversed, ExportSelection.all(), format, tmp.resolve("b"),
                ProgressListener.NONE);

        List<String> files = TestData.tree(tmp.resolve("a"));
        assertEquals(files, TestData.tree(tmp.resolve("b")));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        assertEquals(first.manifestSha256(), second.manifestSha256());
        assertEquals(40, first.items());
        assertEquals(files.size(), first.files());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void manifestAndChecksumsCoverEveryFile(ExportFormat format) throws IOException {
        Path out = tmp.resolve("out");
        DatasetExporter.export(demoItems(), ExportSelection.all(), format, out, ProgressListener.NONE);

        List<String> files = TestData.tree(out);
        List<String> sums = Files.readAllLines(out.resolve("SHA256SUMS"));
        assertEquals(files.size() - 1, sums.size(), "every file but SHA256SUMS itself");
        for (String line : sums) {
            String[] parts = line.split(" {2}", 2);
            assertEquals(Sha256.of(out.resolve(parts[1])), parts[0], parts[1]);
        }
        JsonObject manifest = json(out.resolve("manifest.json")).getAsJsonObject();
        assertEquals(format.cliName(), manifest.get("format").getAsString());
        assertEquals(files.size() - 2, manifest.getAsJsonArray("files").size(), "all but manifest and SHA256SUMS");
        assertEquals(40, manifest.getAsJsonArray("items").size());
        assertFalse(Files.readString(out.resolve("manifest.json")).contains(Instant.now().toString().substring(0, 10)),
                "no export date inside the manifest");
    }

    @Test
    void surfaceDefect4iLayoutPutsDefectFreeImagesInNdAndWritesFoldLists() throws IOException {
        List<DatasetItem> items = new ArrayList<>();
        String[] classes = {"Crack", "Dent", "Pit", "Scratch"};
        for (int c = 0; c < classes.length; c++) {
            Path image = TestData.greyImage(tmp.resolve("src/" + classes[c] + "_1.png"), 12, 8, c);
            items.add(TestData.item(classes[c], image, TestData.rectMask(12, 8, 2, 2, 6, 5), provenance(DAY1, true)));
            Path clean = TestData.greyImage(tmp.resolve("src/" + classes[c] + "_ok.png"), 12, 8, 10 + c);
            items.add(TestData.item(classes[c], clean, MaskImages.empty(12, 8), provenance(DAY1, true)));
        }
        Path out = tmp.resolve("sd4i");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.SURFACE_DEFECT_4I, out,
                ProgressListener.NONE);

        assertTrue(Files.isRegularFile(out.resolve("Crack/Images/Crack_1.png")));
        assertTrue(Files.isRegularFile(out.resolve("Crack/GT/Crack_1.png")));
        assertTrue(Files.isRegularFile(out.resolve("Crack/Nd/Crack_ok.png")));
        assertFalse(Files.exists(out.resolve("Crack/GT/Crack_ok.png")));
        // 4 classes -> 3 folds with blocks of 2 would leave one empty, so 2 folds: {1,2} and {3,4}.
        assertEquals(List.of("Crack/Images/Crack_1.png  1", "Dent/Images/Dent_1.png  2"),
                Files.readAllLines(out.resolve("data_list/test/fold_0_defective.txt")));
        assertEquals(List.of("Crack/GT/Crack_1.png  1", "Dent/GT/Dent_1.png  2"),
                Files.readAllLines(out.resolve("data_list/test/fold_0_mask.txt")));
        assertEquals(List.of("Pit/Nd/Pit_ok.png  3", "Scratch/Nd/Scratch_ok.png  4"),
                Files.readAllLines(out.resolve("data_list/train/fold_0_clean.txt")));
        assertEquals(List.of("1 Crack", "2 Dent", "3 Pit", "4 Scratch"),
                Files.readAllLines(out.resolve("data_list/classes.txt")));
        assertFalse(Files.exists(out.resolve("data_list/test/fold_2_defective.txt")));
        BufferedImage gt = ImageIO.read(out.resolve("Dent/GT/Dent_1.png").toFile());
        assertTrue(MaskImages.sameDefects(TestData.rectMask(12, 8, 2, 2, 6, 5), gt));
        assertEquals(255, gt.getRaster().getSample(2, 2, 0));
    }

    @Test
    void fssd12ListsSplitTrainAndValByFold() throws IOException {
        List<DatasetItem> items = new ArrayList<>();
        for (String c : List.of("A", "B", "C")) {
            Path image = TestData.greyImage(tmp.resolve("src/" + c + ".png"), 6, 6, c.charAt(0));
            items.add(TestData.item(c, image, TestData.rectMask(6, 6, 1, 1, 3, 3), provenance(DAY1, true)));
        }
        Path out = tmp.resolve("fssd");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.FSSD_12, out, ProgressListener.NONE);
        assertEquals(List.of("B/Images/B.png 2"), Files.readAllLines(out.resolve("data_list/val/fold1_defect.txt")));
        assertEquals(List.of("A/Images/A.png 1", "C/Images/C.png 3"),
                Files.readAllLines(out.resolve("data_list/train/fold1_defect.txt")));
        assertTrue(Files.isRegularFile(out.resolve("C/GT/C.png")));
    }

    @Test
    void cocoHasOneCompressedRleInstancePerComponent() throws IOException {
        Path image = TestData.greyImage(tmp.resolve("src/tile.png"), 10, 6, 1);
        BufferedImage mask = TestData.rectMask(10, 6, 0, 0, 2, 2);
        mask.getRaster().setSample(7, 4, 0, 255);
        Path out = tmp.resolve("coco");
        DatasetExporter.export(List.of(TestData.item("Pit", image, mask, provenance(DAY1, true))),
                ExportSelection.all(), ExportFormat.COCO, out, ProgressListener.NONE);

        JsonObject coco = json(out.resolve("annotations.json")).getAsJsonObject();
        JsonArray annotations = coco.getAsJsonArray("annotations");
        assertEquals(2, annotations.size());
        JsonObject first = annotations.get(0).getAsJsonObject();
        assertEquals(4, first.get("area").getAsInt());
        assertEquals("[0,0,2,2]", first.get("bbox").toString());
        assertEquals("[6,10]", first.getAsJsonObject("segmentation").get("size").toString());
        // column-major: columns 0 and 1 start with 2 defect pixels each, 4 background between them, 56 after.
        assertEquals(CocoRle.toCompressedString(new long[] {0, 2, 4, 2, 52}),
                first.getAsJsonObject("segmentation").get("counts").getAsString());
        assertEquals(1, annotations.get(1).getAsJsonObject().get("area").getAsInt());
        assertEquals("tile.png", coco.getAsJsonArray("images").get(0).getAsJsonObject().get("file_name").getAsString());
        assertTrue(Files.isRegularFile(out.resolve("images/tile.png")));
    }

    @Test
    void selectionKeepsApprovedChosenClassesInTheDateRange() throws IOException {
        Path a = TestData.greyImage(tmp.resolve("src/a.png"), 4, 4, 1);
        Path b = TestData.greyImage(tmp.resolve("src/b.png"), 4, 4, 2);
        Path c = TestData.greyImage(tmp.resolve("src/c.png"), 4, 4, 3);
        BufferedImage m = TestData.rectMask(4, 4, 1, 1, 2, 2);
        List<DatasetItem> items = List.of(
                TestData.item("Crack", a, m, provenance(DAY1, true)),
                TestData.item("Crack", b, m, provenance(DAY2, false)),
                TestData.item("Pit", c, m, provenance(DAY1, true)));
        ExportSelection selection = ExportSelection.approved().withClasses(Set.of("Crack"))
                .between(DAY1, DAY2);
        ExportReport report = DatasetExporter.export(items, selection, ExportFormat.PNG_MASKS, tmp.resolve("o"),
                ProgressListener.NONE);
        assertEquals(1, report.items());
        assertEquals(List.of("SHA256SUMS", "images/Crack/a.png", "manifest.json", "masks/Crack/a.png"),
                TestData.tree(tmp.resolve("o")));
        JsonObject item = json(tmp.resolve("o/manifest.json")).getAsJsonObject().getAsJsonArray("items").get(0)
                .getAsJsonObject();
        JsonObject prov = item.getAsJsonObject("provenance");
        assertEquals("ana", prov.get("annotatedBy").getAsString());
        assertEquals("ben", prov.get("approvedBy").getAsString());
        assertEquals("lerenet-3", prov.get("predictedByModel").getAsString());
        assertEquals(DAY1.toString(), prov.get("annotatedAt").getAsString());
    }

    @Test
    void imagesWithTheSameStemInOneClassGetHashSuffixes() throws IOException {
        Path one = TestData.greyImage(tmp.resolve("x/001.png"), 4, 4, 1);
        Path two = TestData.greyImage(tmp.resolve("y/001.png"), 4, 4, 2);
        BufferedImage m = TestData.rectMask(4, 4, 0, 0, 1, 1);
        Path out = tmp.resolve("o");
        DatasetExporter.export(List.of(TestData.item("Crack", one, m, provenance(DAY1, true)),
                        TestData.item("Crack", two, m, provenance(DAY1, true))),
                ExportSelection.all(), ExportFormat.PNG_MASKS, out, ProgressListener.NONE);
        String s1 = Sha256.of(one).substring(0, 8);
        String s2 = Sha256.of(two).substring(0, 8);
        assertTrue(Files.isRegularFile(out.resolve("images/Crack/001_" + s1 + ".png")));
        assertTrue(Files.isRegularFile(out.resolve("masks/Crack/001_" + s2 + ".png")));
    }

    @Test
    void failedExportLeavesNoFolderBehind() throws IOException {
        Path image = TestData.greyImage(tmp.resolve("src/a.png"), 4, 4, 1);
        DatasetItem broken = new DatasetItem("Crack", "a.png", image, () -> {
            throw new IOException("mask store unreadable");
        }, provenance(DAY1, true));
        Path out = tmp.resolve("o");
        assertThrows(IOException.class, () -> DatasetExporter.export(List.of(broken), ExportSelection.all(),
                ExportFormat.SURFACE_DEFECT_4I, out, ProgressListener.NONE));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("o.partial")));
    }

    @Test
    void aRetryRemovesItsOwnInterruptedStagingFolderButNoOtherFolder() throws IOException {
        Path image = TestData.greyImage(tmp.resolve("src/a.png"), 4, 4, 1);
        DatasetItem item = new DatasetItem("Crack", "a.png", image, () -> MaskImages.empty(4, 4),
                provenance(DAY1, true));
        Path out = tmp.resolve("retry");
        Path staging = tmp.resolve("retry.partial");
        // what a kill during an export leaves: the marked staging folder with some files
        Files.createDirectories(staging.resolve("Crack"));
        Files.writeString(staging.resolve(".defect-studio-export"), "an unfinished Defect Studio export\n");
        Files.writeString(staging.resolve("Crack/half.png"), "x");
        DatasetExporter.export(List.of(item), ExportSelection.all(), ExportFormat.PNG_MASKS, out,
                ProgressListener.NONE);
        assertTrue(Files.isDirectory(out));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(out.resolve(".defect-studio-export")), "the marker does not ship");

        Path other = tmp.resolve("mine.partial");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "keep");
        assertThrows(DatasetFormatException.class, () -> DatasetExporter.export(List.of(item), ExportSelection.all(),
                ExportFormat.PNG_MASKS, tmp.resolve("mine"), ProgressListener.NONE));
        assertEquals("keep", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void refusesToWriteIntoAFolderThatHasFiles() throws IOException {
        Files.createDirectories(tmp.resolve("o"));
        Files.writeString(tmp.resolve("o/keep.txt"), "mine");
        assertThrows(DatasetFormatException.class, () -> DatasetExporter.export(demoItems(), ExportSelection.all(),
                ExportFormat.COCO, tmp.resolve("o"), ProgressListener.NONE));
        assertEquals("mine", Files.readString(tmp.resolve("o/keep.txt"), StandardCharsets.UTF_8));
    }

    private static List<DatasetItem> demoItems() {
        return demo;
    }

    private static Provenance provenance(Instant at, boolean approved) {
        return new Provenance("ana", "CORRECTION", at, approved ? "ben" : null, approved ? at.plusSeconds(60) : null,
                "lerenet-3", at.minusSeconds(600));
    }

    private static JsonElement json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file));
    }
}
