package io.defectstudio.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WindowLevelTest {
    @Test
    void windowStretchesANarrow16BitRangeToFullDisplay() {
        WindowLevel w = new WindowLevel(1000, 2000, 0, 1);
        assertEquals(0, w.map(500));
        assertEquals(0, w.map(1000));
        assertEquals(128, w.map(1500));
        assertEquals(255, w.map(2000));
        assertEquals(255, w.map(60000));
    }

    @Test
    void brightnessAndContrastShiftTheMapping() {
        WindowLevel w = WindowLevel.full(8);
        assertEquals(128 + 26, w.withBrightness(0.1).map(128), 1);
        assertEquals(255, w.withContrast(3).map(200));
        assertEquals(0, w.withContrast(3).map(50));
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(5, 5, 0, 1));
    }
}
