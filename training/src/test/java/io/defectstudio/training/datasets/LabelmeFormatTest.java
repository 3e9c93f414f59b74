package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labelme files: "mask" shapes (labelme 5.3+) read, polygons written the way labelme opens them. */
class LabelmeFormatTest {
    @TempDir
    Path tmp;

    @Test
    void aMaskShapeIsPaintedAtItsBoxBesidePolygonsOfTheSameLabel() throws Exception {
        Path root = tmp.resolve("labelme");
        TestData.greyImage(root.resolve("part.png"), 40, 20, 1);
        BufferedImage patch = MaskImages.empty(4, 3);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                patch.getRaster().setSample(x, y, 0, 255);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(patch, "png", png);
        String mask = Base64.getEncoder().encodeToString(png.toByteArray());
        Files.writeString(root.resolve("part.json"), "{\"version\": \"5.4.1\", \"flags\": {}, \"shapes\": ["
                + "{\"label\": \"stain\", \"points\": [[20, 10], [23, 12]], \"shape_type\": \"mask\", \"mask\": \""
                + mask + "\"},"
                + "{\"label\": \"stain\", \"points\": [[2, 2], [5, 2], [5, 5], [2, 5]], \"shape_type\": \"polygon\"}],"
                + " \"imagePath\": \"part.png\", \"imageData\": null, \"imageHeight\": 20, \"imageWidth\": 40}");
        CollectingTarget target = new CollectingTarget();
        ImportReport report = DatasetImporter.importInto(target, root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.LABELME, report.format());
        assertEquals(List.of(), report.skipped());
        BufferedImage stain = target.stored.get(0).mask().load();
        boolean[] expected = MaskImages.defects(TestData.rectMask(40, 20, 20, 10, 24, 13));
        boolean[] square = MaskImages.defects(TestData.rectMask(40, 20, 2, 2, 6, 6));
        for (int i = 0; i < expected.length; i++) {
            expected[i] |= square[i];
        }
        assertTrue(MaskImages.sameDefects(MaskImages.fromDefects(expected, 40, 20), stain));
    }

    @Test
    void ourFilesAreWhatLabelmeOpens() throws Exception {
        Path image = TestData.greyImage(tmp.resolve("src/plate.png"), 30, 10, 4);
        List<DatasetItem> items = List.of(
                TestData.item("scratch", image, TestData.rectMask(30, 10, 0, 0, 5, 5), Provenance.imported("qa")),
                TestData.item("pit", image, MaskImages.empty(30, 10), Provenance.imported("qa")));
        Path out = tmp.resolve("out");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.LABELME, out, ProgressListener.NONE);
        assertTrue(Files.exists(out.resolve("plate.png")));
        JsonObject file = JsonParser.parseString(Files.readString(out.resolve("plate.json"))).getAsJsonObject();
        assertEquals("plate.png", file.get("imagePath").getAsString());
        assertEquals(30, file.get("imageWidth").getAsInt());
        assertEquals(10, file.get("imageHeight").getAsInt());
        assertTrue(file.get("imageData").isJsonNull());
        assertEquals(1, file.getAsJsonArray("shapes").size());
        JsonObject shape = file.getAsJsonArray("shapes").get(0).getAsJsonObject();
        assertEquals("scratch", shape.get("label").getAsString());
        assertEquals("polygon", shape.get("shape_type").getAsString());
        assertTrue(shape.getAsJsonArray("points").size() >= 3);
        assertTrue(file.getAsJsonObject("flags").get("defect-studio:checked:pit").getAsBoolean(),
                "the clean class is flagged as checked");
    }
}
