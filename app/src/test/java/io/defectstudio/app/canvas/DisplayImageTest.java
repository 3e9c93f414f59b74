package io.defectstudio.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DisplayImageTest {
    @Test
    void sixteenBitImageIsWindowedToTheRangeItUses() {
        BufferedImage img = new BufferedImage(100, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 10; y++) {
                img.getRaster().setSample(x, y, 0, 1000 + x * 10);
            }
        }
        DisplayImage d = DisplayImage.of(img);
        assertTrue(d.isSixteenBit());
        WindowLevel w = d.defaultWindow();
        assertTrue(w.low() >= 1000 && w.high() <= 1990, "window " + w);
        byte[] bgra = d.renderBgra(w);
        int darkest = bgra[0] & 0xFF;
        int brightest = bgra[99 * 4] & 0xFF;
        assertEquals(0, darkest);
        assertEquals(255, brightest);
        // without windowing the same data would be nearly black: 1990/65535*255 = 7
        assertTrue(DisplayImage.of(img).renderBgra(WindowLevel.full(16))[99 * 4] < 10);
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
