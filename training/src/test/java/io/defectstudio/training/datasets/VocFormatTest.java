package io.defectstudio.training.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pascal VOC palette masks as VOC and CVAT write them: a palette index is a class, not a grey level. */
class VocFormatTest {
    @TempDir
    Path tmp;

    @Test
    void paletteIndicesAreClassesVoidIsIgnoredAndRgbMasksGoThroughTheLabelmap() throws Exception {
        Path root = tmp.resolve("voc");
        TestData.greyImage(root.resolve("JPEGImages/a.png"), 40, 20, 1);
        TestData.greyImage(root.resolve("JPEGImages/b.png"), 40, 20, 2);
        Files.writeString(root.resolve("labelmap.txt"), "# label:color_rgb:parts:actions\nbackground:0,0,0::\n"
                + "scratch:128,0,0::\npit:0,128,0::\n");
        // Palette PNG: class 1 (dark red, grey level about 38: a luminance rule would call it background) at
        // x 2..9, class 2 at x 20..24, and a void border (255) around class 2.
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        r[1] = (byte) 128;
        g[2] = (byte) 128;
        r[255] = (byte) 224;
        g[255] = (byte) 224;
        b[255] = (byte) 192;
        BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                int v = x >= 2 && x < 10 ? 1 : x >= 20 && x < 25 ? 2 : x == 19 || x == 25 ? 255 : 0;
                indexed.getRaster().setSample(x, y, 0, v);
            }
        }
        Files.createDirectories(root.resolve("SegmentationClass"));
        ImageIO.write(indexed, "png", root.resolve("SegmentationClass/a.png").toFile());
        // A colour-coded RGB mask, as some tools write: pit's green at x 5..14, and one unknown colour elsewhere.
        BufferedImage rgb = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 5; x < 15; x++) {
                rgb.setRGB(x, y, 0x008000);
            }
        }
        ImageIO.write(rgb, "png", root.resolve("SegmentationClass/b.png").toFile());
        BufferedImage odd = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        odd.setRGB(3, 3, 0x123456);
        TestData.greyImage(root.resolve("JPEGImages/c.png"), 40, 20, 3);
        ImageIO.write(odd, "png", root.resolve("SegmentationClass/c.png").toFile());
        ImageIO.write(odd, "png", root.resolve("SegmentationClass/lost.png").toFile());

        CollectingTarget target = new CollectingTarget();
        ImportReport report = DatasetImporter.importInto(target, root, ImportFormat.AUTO, "qa", ProgressListener.NONE);
        assertEquals(ImportFormat.VOC, report.format());
        assertEquals(3, report.imported());
        List<String> reasons = report.skipped().stream().map(SkippedEntry::toString).toList();
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("SegmentationClass/c.png") && s.contains("#123456")));
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("SegmentationClass/lost.png")
                && s.contains("no image")));
        assertTrue(MaskImages.sameDefects(TestData.rectMask(40, 20, 2, 0, 10, 20), mask(target, "scratch", "a.png")));
        assertTrue(MaskImages.sameDefects(TestData.rectMask(40, 20, 20, 0, 25, 20), mask(target, "pit", "a.png")),
                "the void border is not a defect");
        assertTrue(MaskImages.sameDefects(TestData.rectMask(40, 20, 5, 0, 15, 20), mask(target, "pit", "b.png")));
    }

    @Test
    void ourExportIsWhatVocToolsRead() throws Exception {
        Path image = TestData.greyImage(tmp.resolve("src/plate.png"), 30, 10, 4);
        List<DatasetItem> items = List.of(
                TestData.item("scratch", image, TestData.rectMask(30, 10, 0, 0, 5, 5), Provenance.imported("qa")),
                TestData.item("pit", image, TestData.rectMask(30, 10, 10, 0, 12, 2), Provenance.imported("qa")));
        Path out = tmp.resolve("out");
        DatasetExporter.export(items, ExportSelection.all(), ExportFormat.VOC, out, ProgressListener.NONE);
        assertEquals(List.of("# label:color_rgb:parts:actions", "background:0,0,0::", "pit:128,0,0::",
                "scratch:0,128,0::"), Files.readAllLines(out.resolve("labelmap.txt")));
        assertEquals(List.of("plate"), Files.readAllLines(out.resolve("ImageSets/Segmentation/default.txt")));
        BufferedImage mask = ImageIO.read(out.resolve("SegmentationClass/plate.png").toFile());
        assertTrue(mask.getColorModel() instanceof IndexColorModel, "a palette PNG");
        assertEquals(2, mask.getRaster().getSample(1, 1, 0), "scratch is class 2 (name order)");
        assertEquals(1, mask.getRaster().getSample(10, 0, 0), "pit is class 1");
        assertEquals(0, mask.getRaster().getSample(20, 5, 0));
        assertEquals(0x008000, mask.getRGB(1, 1) & 0xffffff, "drawn in the VOC colour of class 2");
    }

    private static BufferedImage mask(CollectingTarget target, String className, String image) throws Exception {
        return target.stored.stream().filter(i -> i.className().equals(className) && i.imageName().equals(image))
                .findFirst().orElseThrow().mask().load();
    }
}
