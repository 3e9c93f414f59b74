package io.defectstudio.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.testing.CountingNet;
import io.defectstudio.inference.testing.TestBundles;
import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterTest {

    private static final int SIZE = 64;
    private static final AtomicReference<CountingNet> NET = new AtomicReference<>();
    private static Segmenter segmenter;
    private static double threshold;

    @BeforeAll
    static void open(@TempDir Path dir) throws Exception {
        TestBundles.write(dir.resolve("b"), "lerenet", SIZE, Manifest.Precision.FLOAT32, TestBundles.COUNTING);
        threshold = ModelBundle.load(dir.resolve("b")).manifest().threshold();
        segmenter = DjlSegmenter.open(ModelBundle.load(dir.resolve("b")), InferenceOptions.of(DeviceChoice.CPU),
                (architecture, backbone) -> {
                    CountingNet net = (CountingNet) TestBundles.COUNTING.create(architecture, backbone);
                    NET.set(net);
                    return net;
                });
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    static SupportSet support() {
        return SupportSet.of(new SupportExample(TestImages.grey(120, 80, 1, 30, 30, 90, 40),
                TestImages.mask(120, 80, 30, 30, 90, 40)));
    }

    @Test
    void emptySupportMaskIsRejectedWithItsIndex() {
        BufferedImage image = TestImages.grey(50, 40, 1, 0, 0, 0, 0);
        BufferedImage ok = TestImages.mask(50, 40, 5, 5, 10, 10);
        BufferedImage empty = TestImages.mask(50, 40, 0, 0, 0, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SupportSet.of(
                new SupportExample(image, ok), new SupportExample(image, empty)));
        assertTrue(e.getMessage().contains("support example 2: the mask is empty"), e.getMessage());
    }

    @Test
    void maskOfAnotherSizeIsRejectedWithBothSizes() {
        BufferedImage image = TestImages.grey(50, 40, 1, 0, 0, 0, 0);
        BufferedImage mask = TestImages.mask(40, 50, 5, 5, 10, 10);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SupportSet.of(new SupportExample(image, mask)));
        assertTrue(e.getMessage().contains("the mask is 40x50 but its image is 50x40"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> SupportSet.of(List.of()));
    }

    @Test
    void detailTilesALargerImageAtTheWorkingScaleAndTheMaskStaysAtTheOriginalSize(@TempDir Path dir)
            throws Exception {
        TestBundles.write(dir.resolve("d"), "matcher", SIZE, Manifest.Precision.FLOAT32, TestBundles.COUNTING);
        AtomicReference<CountingNet> net = new AtomicReference<>();
        try (Segmenter detailed = DjlSegmenter.open(ModelBundle.load(dir.resolve("d")),
                InferenceOptions.of(DeviceChoice.CPU).withDetail(96), (architecture, backbone) -> {
                    CountingNet counting = (CountingNet) TestBundles.COUNTING.create(architecture, backbone);
                    net.set(counting);
                    return counting;
                });
                PreparedSupport support = detailed.prepare(support())) {
            assertEquals(SIZE, detailed.model().inputWidth());
            assertEquals(96, detailed.model().detail());
            int before = net.get().decodeCalls.get();
            Segmentation r = detailed.segment(support, TestImages.grey(97, 53, 2, 10, 10, 80, 15));
            assertEquals(2, net.get().decodeCalls.get() - before, "97x53 works at 96x64: two overlapping tiles");
            assertArrayEquals(new long[] {1, 3, SIZE, SIZE}, net.get().lastQueryShape.get().getShape(),
                    "one tile per pass on a CPU");
            assertEquals(97, r.mask().getWidth());
            assertEquals(53, r.mask().getHeight());
        }
        assertEquals(SIZE, segmenter.model().detail(), "a bundle without a detail squeezes into one tile");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InferenceOptions.of(DeviceChoice.CPU).withDetail(8));
        assertTrue(e.getMessage().contains("detail must be"), e.getMessage());
    }

    @Test
    void aSupportSetIsExtendedToTheBundlesViewsShotByShot(@TempDir Path dir) throws Exception {
        Manifest m = TestBundles.write(dir.resolve("v"), "matcher", SIZE, Manifest.Precision.FLOAT32,
                TestBundles.COUNTING);
        ModelBundle.write(dir.resolve("v"), m.withSupportViews(4), ModelBundle.load(dir.resolve("v")).readWeights());
        AtomicReference<CountingNet> net = new AtomicReference<>();
        try (Segmenter viewed = DjlSegmenter.open(ModelBundle.load(dir.resolve("v")),
                InferenceOptions.of(DeviceChoice.CPU), (a, b) -> {
                    net.set((CountingNet) TestBundles.COUNTING.create(a, b));
                    return net.get();
                })) {
            SupportExample shot = support().examples().get(0);
            for (int[] shotsAndCrops : new int[][] {{1, 4}, {2, 4}, {3, 6}, {5, 10}}) {
                try (PreparedSupport s = viewed.prepare(SupportSet.of(Collections.nCopies(shotsAndCrops[0],
                        shot)))) {
                    assertEquals(shotsAndCrops[0], s.size(), "the set still counts the painted shots");
                    assertEquals(shotsAndCrops[1], net.get().lastSupportShape.get().get(1),
                            shotsAndCrops[0] + " shot(s)");
                }
            }
        }
    }

    @Test
    void whereOneTileCoversAPixelItsProbabilityIsThatTilesOwn(@TempDir Path dir) throws Exception {
        TestBundles.write(dir.resolve("t"), "matcher", SIZE, Manifest.Precision.FLOAT32);
        BufferedImage wide = TestImages.grey(160, SIZE, 4, 20, 20, 150, 30);
        try (Segmenter tiled = DjlSegmenter.open(ModelBundle.load(dir.resolve("t")),
                        InferenceOptions.of(DeviceChoice.CPU).withDetail(160));
                PreparedSupport support = tiled.prepare(support())) {
            // 160 px in 64-px tiles at a stride of at most 48: tiles at 0, 48 and 96; x < 48 is seen by the first only.
            Segmentation whole = tiled.segment(support, wide);
            Segmentation first = tiled.segment(support, wide.getSubimage(0, 0, SIZE, SIZE));
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < 48; x++) {
                    assertEquals(first.probability()[y * SIZE + x], whole.probability()[y * 160 + x], 1e-5f,
                            "at " + x + "," + y);
                }
            }
            Segmentation last = tiled.segment(support, wide.getSubimage(96, 0, SIZE, SIZE));
            assertEquals(last.probability()[SIZE - 1], whole.probability()[159], 1e-5f);
        }
    }

    @Test
    void nonSquareQueryGetsMaskAndProbabilityAtItsOriginalSize() {
        try (PreparedSupport support = segmenter.prepare(support())) {
            Segmentation r = segmenter.segment(support, TestImages.grey(97, 53, 2, 10, 10, 80, 15));
            assertEquals(97, r.width());
            assertEquals(53, r.height());
            assertEquals(97, r.mask().getWidth());
            assertEquals(53, r.mask().getHeight());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, r.mask().getType());
            assertEquals(97 * 53, r.probability().length);
            assertTrue(r.confidence() >= 0.5 && r.confidence() <= 1, "confidence " + r.confidence());
            for (float p : r.probability()) {
                assertTrue(p >= 0 && p <= 1);
            }
        }
    }

    @Test
    void sixteenBitAndRgbQueriesAreNormalisedLikeTheirEightBitOriginal() {
        BufferedImage grey = TestImages.grey(150, 70, 3, 20, 20, 120, 28);
        try (PreparedSupport support = segmenter.prepare(support())) {
            Segmentation eight = segmenter.segment(support, grey);
            Segmentation sixteen = segmenter.segment(support, TestImages.to16Bit(grey));
            Segmentation rgb = segmenter.segment(support, TestImages.toRgb(grey));
            Segmentation fourteen = segmenter.segment(support, TestImages.to14Bit(grey));
            for (Segmentation r : List.of(sixteen, rgb, fourteen)) {
                assertEquals(150, r.width());
                assertEquals(70, r.height());
                assertEquals(150, r.mask().getWidth());
                assertEquals(70, r.mask().getHeight());
                assertArrayEquals(eight.probability(), r.probability(), 1e-3f);
                assertSameMaskAwayFromTheThreshold(eight, r);
            }
        }
    }

    /**
     * The same mask wherever the probability is clear of the threshold; a pixel within the probabilities' tolerance
     * of it may fall on either side (the samples differ by the 16-bit rounding).
     */
    private static void assertSameMaskAwayFromTheThreshold(Segmentation expected, Segmentation actual) {
        byte[] a = TestImages.bytes(expected.mask());
        byte[] b = TestImages.bytes(actual.mask());
        float[] p = expected.probability();
        int compared = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(p[i] - threshold) > 1e-3) {
                assertEquals(a[i], b[i], "mask pixel " + i + " at probability " + p[i]);
                compared++;
            }
        }
        assertTrue(compared > 0.99 * a.length, "only " + compared + " of " + a.length + " pixels were clear");
    }

    @Test
    void sixteenBitSupportIsAccepted() {
        BufferedImage grey = TestImages.grey(120, 80, 1, 30, 30, 90, 40);
        SupportSet s16 = SupportSet.of(new SupportExample(TestImages.to16Bit(grey),
                TestImages.mask(120, 80, 30, 30, 90, 40)));
        BufferedImage query = TestImages.grey(60, 60, 4, 10, 10, 50, 14);
        try (PreparedSupport a = segmenter.prepare(support()); PreparedSupport b = segmenter.prepare(s16)) {
            assertArrayEquals(segmenter.segment(a, query).probability(), segmenter.segment(b, query).probability(),
                    1e-4f);
        }
    }

    @Test
    void supportIsEncodedOnceAndReusedForEveryQuery() {
        CountingNet net = NET.get();
        BufferedImage query = TestImages.grey(70, 70, 5, 10, 10, 60, 16);
        try (PreparedSupport support = segmenter.prepare(support())) {
            int encodes = net.encodeCalls.get();
            int decodes = net.decodeCalls.get();
            Segmentation first = segmenter.segment(support, query);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(first.probability(), segmenter.segment(support, query).probability());
            }
            segmenter.segmentBatch(support, List.of(query, query));
            assertEquals(encodes, net.encodeCalls.get(), "support must not be re-encoded per query");
            assertEquals(decodes + 6, net.decodeCalls.get());
        }
    }

    @Test
    void batchGivesTheSameResultsAsSingleQueries() {
        List<BufferedImage> queries = List.of(TestImages.grey(70, 50, 5, 10, 10, 60, 16),
                TestImages.grey(200, 90, 6, 30, 40, 150, 50), TestImages.grey(40, 40, 7, 5, 5, 30, 9));
        try (PreparedSupport support = segmenter.prepare(support())) {
            List<Segmentation> batch = segmenter.segmentBatch(support, queries);
            assertEquals(3, batch.size());
            for (int i = 0; i < queries.size(); i++) {
                Segmentation single = segmenter.segment(support, queries.get(i));
                assertEquals(queries.get(i).getWidth(), batch.get(i).width());
                // Batched convolutions may take another kernel path: equal up to float32 rounding.
                assertArrayEquals(single.probability(), batch.get(i).probability(), 2e-3f);
            }
        }
    }

    @Test
    void closedSupportAndMissingQueryAreRefused() {
        PreparedSupport support = segmenter.prepare(support());
        assertThrows(InvalidInputException.class, () -> segmenter.segment(support, null));
        support.close();
        assertTrue(support.isClosed());
        assertThrows(IllegalStateException.class,
                () -> segmenter.segment(support, TestImages.grey(20, 20, 1, 0, 0, 0, 0)));
    }

    @Test
    void modelInfoComesFromTheManifest() {
        assertEquals("lerenet", segmenter.model().architecture());
        assertEquals(List.of("scratch"), segmenter.model().classes());
        assertEquals("compact", segmenter.model().backbone());
        assertEquals(SIZE, segmenter.model().inputWidth());
        assertEquals("cpu()", segmenter.device());
    }
}
