package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COCO with polygon segmentations, as tools without an RLE decoder read it. */
class CocoPolygonTest {
    @TempDir
    Path tmp;

    @Test
    void eachInstanceIsOnePolygonWithItsAreaAndBox() throws Exception {
        Path image = TestData.greyImage(tmp.resolve("src/plate.png"), 30, 10, 4);
        List<DatasetItem> items = List.of(TestData.item("scratch", image, TestData.rectMask(30, 10, 2, 1, 8, 4),
                Provenance.imported("qa")));
        Path out = tmp.resolve("out");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.COCO_POLYGON, out, ProgressListener.NONE);
        JsonObject coco = JsonParser.parseString(Files.readString(out.resolve("annotations.json"))).getAsJsonObject();
        JsonObject a = coco.getAsJsonArray("annotations").get(0).getAsJsonObject();
        JsonArray segmentation = a.getAsJsonArray("segmentation");
        assertEquals(1, segmentation.size());
        JsonArray polygon = segmentation.get(0).getAsJsonArray();
        assertTrue(polygon.size() >= 6 && polygon.size() % 2 == 0, polygon.toString());
        assertEquals(18, a.get("area").getAsInt());
        assertEquals("[2,1,6,3]", a.get("bbox").toString());
        assertEquals(0, a.get("iscrowd").getAsInt());
    }
}
