package io.defectstudio.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ConnectedRegionsTest {

    /** Parses rows of '#' (defect) and '.' (background). */
    private static int regions(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return ConnectedRegions.count(m, w, rows.length);
    }

    @Test
    void emptyMaskHasNoRegions() {
        assertEquals(0, regions("....", "...."));
    }

    @Test
    void diagonalNeighboursJoinOneRegion() {
        assertEquals(1, regions(
                "#...",
                ".#..",
                "..#.",
                "...#"));
        assertEquals(1, regions(
                "...#",
                "..#.",
                ".#..",
                "#..."));
    }

    @Test
    void separatedBlobsCountApart() {
        assertEquals(3, regions(
                "##..#",
                "##..#",
                ".....",
                "..##."));
    }

    @Test
    void uShapeMergesLateIntoOneRegion() {
        // The two arms start as separate provisional regions and meet only on the last row.
        assertEquals(1, regions(
                "#...#",
                "#...#",
                "#####"));
        assertEquals(2, regions(
                "#.#.#",
                "#.#.#",
                "###.#"));
    }

    @Test
    void maskImageUsesTheHalfRangeThreshold() {
        BufferedImage mask = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(0, 0, 0, 255);
        mask.getRaster().setSample(4, 2, 0, 128);
        mask.getRaster().setSample(2, 1, 0, 127);
        assertEquals(2, ConnectedRegions.count(mask));
        MaskMeasure m = MaskMeasure.of(mask);
        assertEquals(2, m.defectPixels());
        assertEquals(15, m.imagePixels());
        assertEquals(2.0 / 15, m.share(), 1e-12);
    }

    @Test
    void wrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConnectedRegions.count(new boolean[5], 2, 3));
    }
}
