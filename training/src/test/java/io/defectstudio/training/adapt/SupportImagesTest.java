package io.defectstudio.training.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.SupportExample;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.testdata.SyntheticData;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SupportImagesTest {

    @Test
    void aLargeSupportIsShrunkToTheInputSizeWithABinaryMask() {
        SyntheticData.Pair large = SyntheticData.pair(new Random(2), 900, 700, 0);
        Sample s = SupportImages.sample(0, new SupportExample(large.image(), large.mask()), 64, 48);
        assertEquals(64, s.image().getWidth());
        assertEquals(48, s.image().getHeight());
        assertEquals(64, s.mask().getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, s.mask().getType());
        int defect = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int v = s.mask().getRaster().getSample(x, y, 0);
                assertTrue(v == 0 || v == 255, "mask value " + v);
                defect += v == 255 ? 1 : 0;
            }
        }
        double before = SyntheticData.defectPixels(large.mask()) / (900.0 * 700);
        assertEquals(before, defect / (64.0 * 48), 0.02, "the defect keeps its share of the image");
    }

    @Test
    void sixteenBitImagesStaySixteenBitAndSmallOnesAreKept() {
        BufferedImage deep = new BufferedImage(400, 300, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(10, 10, 0, 60000);
        SyntheticData.Pair small = SyntheticData.pair(new Random(3), 400, 300, 0);
        Sample s = SupportImages.sample(1, new SupportExample(deep, small.mask()), 200, 150);
        assertEquals(BufferedImage.TYPE_USHORT_GRAY, s.image().getType());
        assertEquals("support 2", s.id());

        SyntheticData.Pair fits = SyntheticData.pair(new Random(4), 32, 32, 0);
        assertSame(fits.image(), SupportImages.sample(0, new SupportExample(fits.image(), fits.mask()), 64, 64)
                .image());
    }
}
