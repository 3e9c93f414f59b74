package io.defectstudio.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void zoomKeepsThePointUnderTheCursorFixed() {
        Viewport v = new Viewport();
        v.pan(13, 7);
        double ix = v.toImageX(200);
        double iy = v.toImageY(150);
        v.zoomAt(2.5, 200, 150);
        assertEquals(2.5, v.scale(), 1e-9);
        assertEquals(ix, v.toImageX(200), 1e-9);
        assertEquals(iy, v.toImageY(150), 1e-9);
    }

    @Test
    void fitCentresTheWholeImage() {
        Viewport v = new Viewport();
        v.fit(800, 600, 4096, 4096);
        assertEquals(600.0 / 4096, v.scale(), 1e-9);
        assertEquals(0, v.toScreenY(0), 1e-9);
        assertEquals(600, v.toScreenY(4096), 1e-9);
        assertEquals(400, v.toScreenX(2048), 1e-9);
    }

    @Test
    void oneToOneMapsOnePixelToOnePixel() {
        Viewport v = new Viewport();
        v.fit(100, 100, 1000, 1000);
        v.oneToOne(100, 100, 1000, 1000);
        assertEquals(1, v.toScreenX(11) - v.toScreenX(10), 1e-9);
    }

    @Test
    void scaleIsClamped() {
        Viewport v = new Viewport();
        for (int i = 0; i < 100; i++) {
            v.zoomAt(2, 0, 0);
        }
        assertEquals(Viewport.MAX_SCALE, v.scale(), 1e-9);
    }
}
