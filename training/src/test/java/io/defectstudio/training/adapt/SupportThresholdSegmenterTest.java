package io.defectstudio.training.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ManifestCodec;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.IouAccumulator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped model on the demo's real frayed tiles, made too timid on purpose (threshold 0.95): a support set of three
 * shots, and a single shot, each choose a threshold that segments the other tiles.
 */
class SupportThresholdSegmenterTest {

    private static final InferenceOptions CPU = InferenceOptions.of(DeviceChoice.CPU);
    private static final String RESOURCES = "/io/defectstudio/resources/";
    private static final String[] FRAY = {"exp0_num_797", "exp1_num_258511", "exp2_num_20390", "exp3_num_136351",
        "exp4_num_20426", "exp5_num_136716", "exp6_num_136770"};
    private static final double TIMID = 0.95;

    @TempDir
    static Path dir;

    static ModelBundle timid;
    static ModelBundle chosenBySupport;
    static List<SupportExample> tiles;

    @BeforeAll
    static void timidModelAndTiles() throws IOException {
        Path shipped = dir.resolve("shipped");
        Files.createDirectories(shipped);
        try (InputStream in = resource("models/default/" + ModelBundle.MANIFEST_FILE)) {
            Files.copy(in, shipped.resolve(ModelBundle.MANIFEST_FILE));
        }
        String weightsFile = ManifestCodec.parse(Files.readString(shipped.resolve(ModelBundle.MANIFEST_FILE)),
                "shipped model.json").weights().file();
        try (InputStream in = resource("models/default/" + weightsFile)) {
            Files.copy(in, shipped.resolve(weightsFile));
        }
        ModelBundle bundle = ModelBundle.load(shipped);
        ModelBundle.write(dir.resolve("timid"), bundle.manifest().withThreshold(TIMID, Manifest.SupportTuning.NONE,
                "test", 0), bundle.readWeights());
        timid = ModelBundle.load(dir.resolve("timid"));
        ModelBundle.write(dir.resolve("chosen"), timid.manifest().withSupportThreshold(true), timid.readWeights());
        chosenBySupport = ModelBundle.load(dir.resolve("chosen"));
        tiles = new ArrayList<>();
        for (String stem : FRAY) {
            tiles.add(new SupportExample(image("demo/MT_Fray/" + stem + ".jpg"), image("demo/MT_Fray/" + stem
                    + ".png")));
        }
    }

    @Test
    void shotsThatDisagreeWithTheModelsThresholdGetTheirOwn() {
        SupportSet three = SupportSet.of(tiles.subList(0, 3));
        List<SupportExample> queries = tiles.subList(3, tiles.size());
        double plainIou;
        try (Segmenter plain = BundleOpener.open(timid, CPU)) {
            plainIou = iou(plain, three, queries);
        }
        double chosenIou;
        try (Segmenter chosen = BundleOpener.open(chosenBySupport, CPU)) {
            assertInstanceOf(SupportThresholdSegmenter.class, chosen, "the manifest asks for it");
            chosenIou = iou(chosen, three, queries);
        }
        assertTrue(chosenIou > plainIou + 0.05, "IoU on four held-out frayed tiles at the model's threshold "
                + plainIou + ", at the one the three shots chose " + chosenIou);
    }

    @Test
    void aSingleShotChoosesItsThresholdFromAugmentedCopiesOfItself() {
        // Tile 0 makes a poor support at any threshold (IoU below 0.05 on the others), so the shot is tile 2.
        SupportSet one = SupportSet.of(tiles.get(2));
        List<SupportExample> queries = new ArrayList<>(tiles);
        queries.remove(2);
        double plainIou;
        try (Segmenter plain = BundleOpener.open(timid, CPU)) {
            plainIou = iou(plain, one, queries);
        }
        double chosenIou;
        try (Segmenter chosen = BundleOpener.open(chosenBySupport, CPU)) {
            chosenIou = iou(chosen, one, queries);
        }
        assertTrue(chosenIou > plainIou + 0.05, "IoU on six other frayed tiles at the model's threshold " + plainIou
                + ", at the one the single shot chose " + chosenIou);
    }

    @Test
    void theSameSingleShotAlwaysGivesTheSameMasks() {
        SupportSet one = SupportSet.of(tiles.get(2));
        BufferedImage query = tiles.get(5).image();
        try (Segmenter chosen = BundleOpener.open(chosenBySupport, CPU);
                PreparedSupport a = chosen.prepare(one);
                PreparedSupport b = chosen.prepare(one)) {
            Segmentation first = chosen.segment(a, query);
            Segmentation second = chosen.segment(b, query);
            assertTrue(first.mask() != null && BinaryMask.fromGray(first.mask()).area() > 0,
                    "the chosen threshold paints the frayed edge");
            assertArrayEquals(pixels(first.mask()), pixels(second.mask()));
            assertEquals(first.confidence(), second.confidence());
        }
    }

    /** A set belongs to the segmenter that prepared it, and a closed set is refused (the forwarding base's check). */
    @Test
    void aSetPreparedElsewhereOrClosedIsRefused() {
        SupportSet one = SupportSet.of(tiles.get(2));
        BufferedImage query = tiles.get(5).image();
        try (Segmenter mine = BundleOpener.open(chosenBySupport, CPU);
                Segmenter other = BundleOpener.open(chosenBySupport, CPU);
                PreparedSupport theirs = other.prepare(one)) {
            assertThrows(IllegalArgumentException.class, () -> mine.segment(theirs, query));
            PreparedSupport closed = mine.prepare(one);
            closed.close();
            assertThrows(IllegalStateException.class, () -> mine.segment(closed, query));
        }
    }

    private static double iou(Segmenter segmenter, SupportSet support, List<SupportExample> queries) {
        IouAccumulator iou = new IouAccumulator();
        try (PreparedSupport prepared = segmenter.prepare(support)) {
            List<BufferedImage> images = queries.stream().map(SupportExample::image).toList();
            List<Segmentation> results = segmenter.segmentBatch(prepared, images);
            for (int i = 0; i < results.size(); i++) {
                iou.add("MT_Fray", BinaryMask.fromGray(results.get(i).mask()),
                        BinaryMask.fromGray(queries.get(i).mask()));
            }
        }
        return iou.meanIou();
    }

    private static byte[] pixels(BufferedImage mask) {
        return ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage image(String relative) throws IOException {
        try (InputStream in = resource(relative)) {
            return ImageIO.read(in);
        }
    }

    private static InputStream resource(String relative) {
        InputStream in = SupportThresholdSegmenterTest.class.getResourceAsStream(RESOURCES + relative);
        if (in == null) {
            throw new IllegalStateException(relative + " is not on the test class path (resources module)");
        }
        return in;
    }
}
