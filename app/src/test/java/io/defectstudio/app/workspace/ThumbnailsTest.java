package io.defectstudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    private static double meanGrey(BufferedImage rgb) {
        double sum = 0;
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                sum += rgb.getRGB(x, y) & 0xff;
            }
        }
        return sum / (rgb.getWidth() * rgb.getHeight());
    }

    @Test
    void aFourteenBitImagesThumbnailLooksLikeItsEightBitOriginal() {
        BufferedImage eight = new BufferedImage(256, 128, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage fourteen = new BufferedImage(256, 128, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 256; x++) {
                eight.getRaster().setSample(x, y, 0, x);
                fourteen.getRaster().setSample(x, y, 0, Math.round(x * 16383f / 255));
            }
        }
        BufferedImage a = Thumbnails.scale(eight);
        BufferedImage b = Thumbnails.scale(fourteen);
        assertEquals(64, a.getWidth());
        assertEquals(32, b.getHeight());
        assertEquals(meanGrey(a), meanGrey(b), 1.0, "not nearly black");
    }
}
