package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.defectstudio.inference.Segmentation;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostprocessorTest {

    private final Postprocessor post = new Postprocessor(0.5);

    @Test
    void confidenceIsTheMeanDefectProbabilityOverTheDefectPixels() {
        Segmentation s = post.fromProbability(new float[] {0.9f, 0.7f, 0.1f, 0.2f}, 2, 2, 5);
        assertEquals(0.8, s.confidence(), 1e-6);
        assertEquals(2, s.defectPixels());
        assertEquals(255, s.mask().getRaster().getSample(0, 0, 0));
        assertEquals(0, s.mask().getRaster().getSample(0, 1, 0));
        assertEquals(5, s.latencyMillis());
    }

    @Test
    void withoutDefectConfidenceIsTheMeanBackgroundProbability() {
        Segmentation s = post.fromProbability(new float[] {0.1f, 0.3f, 0.0f, 0.2f}, 4, 1, 0);
        assertEquals(0.85, s.confidence(), 1e-6);
        assertEquals(0, s.defectPixels());
    }

    @Test
    void workingProbabilitiesAreResampledToTheOriginalSize() {
        float[] p = new float[8 * 8];
        for (int i = 0; i < 32; i++) {
            p[i] = 1f;
        }
        Segmentation s = post.fromWorking(p, 8, 8, 30, 17, 0);
        assertEquals(30, s.width());
        assertEquals(17, s.height());
        assertEquals(30 * 17, s.probability().length);
        assertEquals(255, s.mask().getRaster().getSample(15, 2, 0), "top half is defect");
        assertEquals(0, s.mask().getRaster().getSample(15, 15, 0), "bottom half is background");
    }

    /**
     * The mask of a result built row by row from the working map is the full-size map's mask, pixel for pixel, and
     * the confidence is the same, whether the map is enlarged or shrunk.
     */
    @ParameterizedTest
    @CsvSource({"37, 23, 301, 187", "64, 48, 40, 30", "50, 50, 50, 97"})
    void rowByRowThresholdingMatchesTheFullSizeMap(int workWidth, int workHeight, int width, int height) {
        Random random = new Random(7);
        float[] p = new float[workWidth * workHeight];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextFloat() * 1.2f - 0.1f;
        }
        Segmentation rows = post.fromWorking(p.clone(), workWidth, workHeight, width, height, 0);
        float[] full = rows.probability();
        assertEquals(width * height, full.length);
        Segmentation whole = post.fromProbability(full.clone(), width, height, 0);
        assertArrayEquals(((DataBufferByte) whole.mask().getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) rows.mask().getRaster().getDataBuffer()).getData());
        assertEquals(whole.confidence(), rows.confidence(), 1e-9);
        assertArrayEquals(whole.probability(), full, "the on-demand map is already clamped to [0, 1]");
    }
}
