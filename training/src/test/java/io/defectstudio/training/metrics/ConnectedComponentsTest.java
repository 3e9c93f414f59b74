package io.defectstudio.training.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    /** Parses rows of '#' (defect) and '.' (background). */
    private static int regions(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return ConnectedComponents.count(m, w, rows.length);
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
    void diagonalNeighboursJoinAndSeparateBlobsSplit() {
        boolean[] mask = {
            true, false, false, false, true,
            false, true, false, false, true,
            false, false, false, false, false,
            false, false, true, false, false};
        List<boolean[]> parts = ConnectedComponents.split(mask, 5, 4);
        assertEquals(3, parts.size());
        assertArrayEquals(new boolean[] {
            true, false, false, false, false,
            false, true, false, false, false,
            false, false, false, false, false,
            false, false, false, false, false}, parts.get(0));
        assertEquals(2, count(parts.get(1)));
        assertEquals(1, count(parts.get(2)));
        assertEquals(true, parts.get(2)[17]);
    }

    @Test
    void emptyMaskHasNoComponents() {
        assertEquals(0, ConnectedComponents.split(new boolean[12], 4, 3).size());
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    @Test
    void wrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.label(new boolean[5], 2, 3));
    }
}
