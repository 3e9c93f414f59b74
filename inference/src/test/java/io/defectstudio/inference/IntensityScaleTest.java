package io.defectstudio.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class IntensityScaleTest {

    private static final BufferedImage GREY = TestImages.grey(60, 40, 7, 10, 10, 30, 20);

    private static BufferedImage ushort(BufferedImage grey8, int multiplier, int shift) {
        BufferedImage img = new BufferedImage(grey8.getWidth(), grey8.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < grey8.getHeight(); y++) {
            for (int x = 0; x < grey8.getWidth(); x++) {
                img.getRaster().setSample(x, y, 0, (grey8.getRaster().getSample(x, y, 0) * multiplier) << shift);
            }
        }
        return img;
    }

    @Test
    void theFullScaleIsTheBitsTheImageUses() {
        assertEquals(255, IntensityScale.fullScale(GREY));
        assertEquals(16383, IntensityScale.fullScale(TestImages.to14Bit(GREY)));
        assertEquals(16383, IntensityScale.fullScale(ushort(GREY, 1, 6)), "8-bit data shifted into 14 bits");
        assertEquals(4095, IntensityScale.fullScale(ushort(GREY, 1, 4)));
        assertEquals(65535, IntensityScale.fullScale(TestImages.to16Bit(GREY)), "widened by 257");
        BufferedImage dark = ushort(TestImages.grey(20, 20, 1, 0, 0, 0, 0), 1, 0);
        dark.getRaster().setSample(0, 0, 0, 3);
        assertEquals(255, IntensityScale.fullScale(dark), "never fewer than 8 bits");
    }

    @Test
    void aDarkPictureWidenedBy257StillReadsAsItsOriginal() {
        BufferedImage dark = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        dark.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 10, 40, 100});
        assertEquals(65535, IntensityScale.fullScale(TestImages.to16Bit(dark)), "a max of 25700 would say 15 bits");
    }

    @Test
    void eightBitCopiesForDrawingFollowTheSameMapping() {
        assertSame(GREY, IntensityScale.toEightBit(GREY));
        for (BufferedImage deep : new BufferedImage[] {TestImages.to14Bit(GREY), TestImages.to16Bit(GREY)}) {
            BufferedImage eight = IntensityScale.toEightBit(deep);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, eight.getType());
            for (int y = 0; y < GREY.getHeight(); y++) {
                for (int x = 0; x < GREY.getWidth(); x++) {
                    assertEquals(GREY.getRaster().getSample(x, y, 0), eight.getRaster().getSample(x, y, 0), 1);
                }
            }
        }
    }
}
