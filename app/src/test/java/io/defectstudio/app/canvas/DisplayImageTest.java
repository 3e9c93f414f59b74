package io.defectstudio.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DisplayImageTest {
    @Test
    void theDefaultWindowIsTheModelsMappingSoA14BitImageLooksLikeIts8BitOriginal() {
        BufferedImage eight = new BufferedImage(100, 10, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage fourteen = new BufferedImage(100, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 10; y++) {
                eight.getRaster().setSample(x, y, 0, x * 2 + 50);
                fourteen.getRaster().setSample(x, y, 0, Math.round((x * 2 + 50) * 16383f / 255));
            }
        }
        DisplayImage d = DisplayImage.of(fourteen);
        assertTrue(d.isSixteenBit());
        assertEquals(new WindowLevel(0, 16383, 0, 1), d.defaultWindow());
        byte[] shown = d.renderBgra(d.defaultWindow());
        byte[] original = DisplayImage.of(eight).renderBgra(DisplayImage.of(eight).defaultWindow());
        for (int i = 0; i < shown.length; i++) {
            assertEquals(original[i] & 0xFF, shown[i] & 0xFF, 1, "byte " + i);
        }
        // divided by 65535 instead, the same data would be nearly black: 16383/65535*255 = 64
        assertTrue(d.renderBgra(WindowLevel.full(16))[99 * 4] < 65);
    }

    @Test
    void colourImageKeepsItsChannels() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        byte[] bgra = DisplayImage.of(img).renderBgra(WindowLevel.full(8));
        assertEquals(0, bgra[0] & 0xFF);
        assertEquals(255, bgra[2] & 0xFF);
        assertEquals(255, bgra[3] & 0xFF);
    }
}
