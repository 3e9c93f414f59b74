package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sensitivity's rules without a window: its range, each class's own setting, and when the queue follows. */
class SensitivityTest {

    @Test
    void eachClassKeepsItsOwnSettingAndANewModelStartsAgain() {
        Sensitivity s = new Sensitivity();
        AtomicInteger settled = new AtomicInteger();
        s.setOnSettled(settled::incrementAndGet);
        s.classChanged(1L);
        assertTrue(s.isModels());
        s.moreSensitive();
        s.moreSensitive();
        assertEquals(0.4, s.threshold(), 1e-9);
        assertFalse(s.isModels());
        assertEquals(2, settled.get(), "a key press settles at once");

        s.classChanged(2L);
        assertEquals(0.5, s.threshold(), 1e-9, "another class starts at the model's threshold");
        s.lessSensitive();
        s.classChanged(1L);
        assertEquals(0.4, s.threshold(), 1e-9, "the first class's own setting comes back");
        s.classChanged(2L);
        assertEquals(0.55, s.threshold(), 1e-9);

        s.modelOpened(null);
        assertFalse(s.availableProperty().get(), "no model: nothing to re-cut");
        s.classChanged(1L);
        assertTrue(s.isModels(), "a new model forgets the settings made for the old one");
    }

    @Test
    void theThresholdStaysWithinTheSlidersRange() {
        Sensitivity s = new Sensitivity();
        s.classChanged(7L);
        for (int i = 0; i < 40; i++) {
            s.lessSensitive();
        }
        assertEquals(Sensitivity.MAX, s.threshold(), 1e-9);
        s.thresholdProperty().set(-3);
        assertEquals(Sensitivity.MIN, s.threshold(), 1e-9);
        s.reset();
        assertTrue(s.isModels());
    }
}
