package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.InvalidInputException;
import io.defectstudio.inference.Masks;
import io.defectstudio.inference.ProbabilityMap;
import io.defectstudio.inference.Segmentation;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A result's stored map re-cut at a threshold: the model's mask at its own threshold, and a live sensitivity. */
class ProbabilityMapTest {

    private static final double THRESHOLD = 0.5;

    private static float[] smooth(int width, int height, long seed) {
        Random random = new Random(seed);
        float cx = random.nextFloat() * width;
        float cy = random.nextFloat() * height;
        float[] p = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.hypot(x - cx, y - cy) / Math.max(width, height);
                p[y * width + x] = (float) Math.exp(-8 * d * d) + 0.02f * random.nextFloat();
            }
        }
        return p;
    }

    /**
     * At the model's threshold the map cuts the model's own mask, except for pixels whose probability lies within the
     * 8-bit quantisation (1/510) of the threshold, whether the working map is shrunk or enlarged to the image.
     */
    @ParameterizedTest
    @CsvSource({"40, 30, 160, 120", "80, 80, 50, 50", "64, 48, 64, 48"})
    void atTheModelsThresholdTheMapCutsTheModelsMask(int workWidth, int workHeight, int width, int height) {
        float[] p = smooth(workWidth, workHeight, 3);
        Segmentation s = new Postprocessor(THRESHOLD).fromWorking(p.clone(), workWidth, workHeight, width, height, 0);
        ProbabilityMap map = s.probabilityMap();
        assertEquals(workWidth, map.levels().getWidth());
        BufferedImage cut = map.mask(THRESHOLD);
        float[] full = s.probability();
        int differing = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int model = s.mask().getRaster().getSample(x, y, 0);
                int ours = cut.getRaster().getSample(x, y, 0);
                if (model != ours) {
                    differing++;
                    assertTrue(Math.abs(full[y * width + x] - THRESHOLD) <= 1.0 / 510 + 1e-6,
                            "pixel " + x + "," + y + " has p " + full[y * width + x]);
                }
            }
        }
        assertTrue(differing <= width * height / 100, differing + " pixels differ");
        assertTrue(Masks.countDefect(cut) > 0, "the blob is painted");
    }

    @Test
    void aHigherThresholdPaintsASubsetAndNothingAboveThePeak() {
        float[] p = smooth(50, 40, 11);
        ProbabilityMap map = ProbabilityMap.quantise(p, 50, 40, 200, 160);
        BufferedImage low = map.mask(0.3);
        BufferedImage high = map.mask(0.7);
        long lowCount = Masks.countDefect(low);
        long highCount = Masks.countDefect(high);
        assertTrue(highCount > 0 && highCount < lowCount, highCount + " vs " + lowCount);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 200; x++) {
                if (high.getRaster().getSample(x, y, 0) != 0) {
                    assertEquals(255, low.getRaster().getSample(x, y, 0), "a pixel painted at 0.7 is painted at 0.3");
                }
            }
        }
        assertEquals(0, Masks.countDefect(map.mask(map.peak() + 0.01)));
        assertTrue(Masks.countDefect(map.mask(map.peak())) > 0);
    }

    @Test
    void onlyAnEightBitGreyImageIsAMap() {
        assertThrows(InvalidInputException.class,
                () -> new ProbabilityMap(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), 4, 4));
    }
}
