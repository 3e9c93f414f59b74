package io.defectstudio.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskMeasureTest {

    @Test
    void maskImageUsesTheHalfRangeThreshold() {
        BufferedImage mask = new BufferedImage(5, 3, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(0, 0, 0, 255);
        mask.getRaster().setSample(4, 2, 0, 128);
        mask.getRaster().setSample(2, 1, 0, 127);
        MaskMeasure m = MaskMeasure.of(mask);
        assertEquals(2, m.regions());
        assertEquals(2, m.defectPixels());
        assertEquals(15, m.imagePixels());
        assertEquals(2.0 / 15, m.share(), 1e-12);
    }
}
