package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import org.junit.jupiter.api.Test;

class TileLayoutTest {

    private final TileLayout layout = new TileLayout(320, 320, 960);

    @Test
    void smallImagesFillOneTileAsWithoutTiling() {
        assertEquals(new Dimension(320, 320), layout.workingSize(200, 200));
        assertEquals(1, layout.columns(320).length * layout.rows(320).length);
        TileLayout squeeze = new TileLayout(320, 320, 320);
        assertEquals(new Dimension(320, 320), squeeze.workingSize(1600, 1200), "detail = input size squeezes");
    }

    @Test
    void largeImagesShrinkToTheDetailKeepingTheirAspect() {
        assertEquals(new Dimension(960, 720), layout.workingSize(1600, 1200));
        assertEquals(new Dimension(384, 960), layout.workingSize(500, 1250));
        assertEquals(new Dimension(480, 320), layout.workingSize(480, 320), "never enlarged past native");
        assertEquals(new Dimension(960, 320), layout.workingSize(3000, 100), "a thin side grows to one tile");
    }

    @Test
    void tilesCoverTheImageWithAtLeastAQuarterOverlap() {
        for (int length : new int[] {320, 321, 480, 720, 960, 2048}) {
            int[] o = layout.columns(length);
            assertEquals(0, o[0]);
            assertEquals(length - 320, o[o.length - 1], "the last tile ends at the edge");
            for (int i = 1; i < o.length; i++) {
                assertTrue(o[i] - o[i - 1] <= 240, "overlap of at least 80 px at " + length);
                assertTrue(o[i] > o[i - 1]);
            }
        }
        assertArrayEquals(new int[] {0, 160}, layout.columns(480));
    }

    @Test
    void rampFadesAcrossTheOverlapAndIsNeverZero() {
        float[] r = TileLayout.ramp(320);
        assertEquals(1f / 80, r[0], 1e-6f);
        assertEquals(1f, r[79], 1e-6f);
        assertEquals(1f, r[160], 1e-6f);
        assertEquals(r[0], r[319], 1e-6f);
    }
}
