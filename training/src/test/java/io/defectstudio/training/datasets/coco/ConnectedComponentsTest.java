package io.defectstudio.training.datasets.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

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
}
