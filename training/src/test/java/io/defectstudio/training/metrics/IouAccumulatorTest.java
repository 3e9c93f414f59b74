package io.defectstudio.training.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class IouAccumulatorTest {

    private static BinaryMask mask(int w, int h, int... defectIndices) {
        boolean[] px = new boolean[w * h];
        for (int i : defectIndices) {
            px[i] = true;
        }
        return new BinaryMask(w, h, px);
    }

    @Test
    void classIouSumsIntersectionsAndUnionsOverEpisodes() {
        IouAccumulator acc = new IouAccumulator();
        // Episode 1 (4x4): truth {0,1,2,3}, prediction {0,1}: I=2, U=4 (per-episode IoU 0.5).
        acc.add("A", mask(4, 4, 0, 1), mask(4, 4, 0, 1, 2, 3));
        // Episode 2 (4x4): truth {5}, prediction {5,6,7,8,9,10,11,12,13}: I=1, U=9 (per-episode IoU 1/9).
        acc.add("A", mask(4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), mask(4, 4, 5));
        // Summed: (2+1)/(4+9) = 3/13, not the per-episode mean (0.5+1/9)/2.
        assertEquals(3.0 / 13, acc.classIou().get("A"), 1e-12);
        // Class B: I=1, U=2.
        acc.add("B", mask(2, 1, 0, 1), mask(2, 1, 0));
        assertEquals(0.5, acc.classIou().get("B"), 1e-12);
        assertEquals((3.0 / 13 + 0.5) / 2, acc.meanIou(), 1e-12);
        // Background: ep1 I=12 U=14; ep2 I=7 U=15; ep3 I=0 U=1 -> 19/30. Foreground overall 4/15.
        assertEquals((4.0 / 15 + 19.0 / 30) / 2, acc.fbIou(), 1e-12);
        assertEquals(2L, acc.classEpisodes().get("A"));
    }

    @Test
    void defectStartsAtValue128() {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 127);
        grey.getRaster().setSample(1, 0, 0, 128);
        grey.getRaster().setSample(2, 0, 0, 255);
        BinaryMask m = BinaryMask.fromGray(grey);
        assertFalse(m.isDefect(0, 0));
        assertTrue(m.isDefect(1, 0));
        assertTrue(m.isDefect(2, 0));
        BufferedImage wide = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        wide.getRaster().setSample(0, 0, 0, 32767);
        wide.getRaster().setSample(1, 0, 0, 32768);
        BinaryMask w = BinaryMask.fromGray(wide);
        assertFalse(w.isDefect(0, 0));
        assertTrue(w.isDefect(1, 0));
    }

    @Test
    void predictionsAreResizedToTheOriginalSizeBeforeScoring() {
        // A 2x2 prediction with the top-left pixel set covers the top-left 3x2 block of a 6x4 original.
        BinaryMask small = mask(2, 2, 0);
        BinaryMask big = small.resizeNearest(6, 4);
        assertEquals(6, big.area());
        assertTrue(big.isDefect(2, 1));
        assertFalse(big.isDefect(3, 1));
        assertFalse(big.isDefect(0, 2));
        IouAccumulator acc = new IouAccumulator();
        assertThrows(IllegalArgumentException.class, () -> acc.add("A", small, mask(6, 4, 0)));
        acc.add("A", big, mask(6, 4, 0, 1, 2, 6, 7, 8, 9, 10));
        assertEquals(6.0 / 8, acc.classIou().get("A"), 1e-12);
    }

    @Test
    void falsePositiveRateCountsImagesWithAnyPaintedPixel() {
        FalsePositiveCounter fp = new FalsePositiveCounter();
        fp.add(mask(4, 4));
        fp.add(mask(4, 4, 3));
        fp.add(mask(2, 2, 0, 1));
        fp.add(mask(2, 2));
        assertEquals(0.5, fp.falsePositiveRate(), 1e-12);
        assertEquals((0 + 1.0 / 16 + 0.5 + 0) / 4, fp.meanPaintedFraction(), 1e-12);
        assertEquals(4, fp.images());
    }
}
