package io.defectstudio.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.DeviceChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalOptionsTest {

    @Test
    void detailSurvivesTheCopiesAndReachesTheEngineSettings() {
        EvalOptions options = new EvalOptions(0, -1, DeviceChoice.CPU, 1, List.of(), 320);
        assertEquals(320, options.withLimit(5).detail());
        assertEquals(320, options.withNormalImages(3).detail());
        assertEquals(320, options.inference().detail());
        assertEquals(DeviceChoice.CPU, options.inference().device());
        assertEquals(1, options.inference().intraOpThreads());
    }

    @Test
    void aDetailOutsideTheRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvalOptions(0, -1, DeviceChoice.CPU, 0, List.of(), 8));
        assertTrue(e.getMessage().contains("detail must be"), e.getMessage());
    }
}
