package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.testing.TestImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SupportCropTest {

    private final TileLayout layout = new TileLayout(320, 320, 960);

    @Test
    void aSmallSupportIsEncodedWhole() {
        BufferedImage mask = TestImages.mask(200, 200, 10, 10, 20, 20);
        assertEquals(new Rectangle(0, 0, 200, 200), SupportCrop.of(mask, layout));
    }

    @Test
    void aLargeSupportIsCroppedToOneTileAroundTheDefectAtTheWorkingScale() {
        // 1600x1200 works at 960x720 (scale 0.6): a tile is 533 original pixels.
        BufferedImage mask = TestImages.mask(1600, 1200, 1000, 600, 1040, 630);
        Rectangle crop = SupportCrop.of(mask, layout);
        assertEquals(534, crop.width, 1);
        assertEquals(534, crop.height, 1);
        assertTrue(crop.contains(new Rectangle(1000, 600, 40, 30)), "the defect is inside " + crop);
        assertEquals(1020, crop.getCenterX(), 2);
        assertEquals(615, crop.getCenterY(), 2);
    }

    @Test
    void theWindowStaysInsideTheImageAndGrowsForALargeDefect() {
        BufferedImage corner = TestImages.mask(1600, 1200, 0, 0, 10, 10);
        Rectangle crop = SupportCrop.of(corner, layout);
        assertEquals(0, crop.x);
        assertEquals(0, crop.y);

        BufferedImage big = TestImages.mask(1600, 1200, 100, 100, 1500, 300);
        Rectangle wide = SupportCrop.of(big, layout);
        assertTrue(wide.contains(new Rectangle(100, 100, 1400, 200)), "the whole defect is kept: " + wide);
        assertTrue(wide.width <= 1600 && wide.height <= 1200);
    }
}
