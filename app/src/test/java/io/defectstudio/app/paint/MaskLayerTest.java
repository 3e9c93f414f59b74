package io.defectstudio.app.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskLayerTest {
    @Test
    void discCoversPixelsWithinRadiusOnly() {
        MaskLayer m = new MaskLayer(50, 50);
        DirtyRect r = m.stampDisc(25, 25, 5, true);
        assertTrue(m.isSet(25, 25));
        assertTrue(m.isSet(21, 25));
        assertFalse(m.isSet(31, 25));
        assertFalse(m.isSet(25, 31));
        // area of a disc of radius 5 is ~78.5 pixels
        assertTrue(Math.abs(m.countSet() - 78.5) < 8, "count " + m.countSet());
        assertTrue(r.x() <= 20 && r.maxX() >= 30, "dirty rect " + r);
    }

    @Test
    void discAtCornerIsClippedToTheImage() {
        MaskLayer m = new MaskLayer(10, 10);
        DirtyRect r = m.stampDisc(0, 0, 4, true);
        assertEquals(0, r.x());
        assertEquals(0, r.y());
        assertTrue(m.isSet(0, 0));
        assertTrue(r.maxX() <= 10);
    }

    @Test
    void eraserClearsWhatTheBrushPainted() {
        MaskLayer m = new MaskLayer(40, 40);
        m.strokeSegment(5, 20, 35, 20, 3, true);
        long painted = m.countSet();
        assertTrue(painted > 150, "a 30 px line 6 px wide, got " + painted);
        m.strokeSegment(5, 20, 35, 20, 4, false);
        assertEquals(0, m.countSet());
    }

    @Test
    void polygonFillCoversTheSquareInside() {
        MaskLayer m = new MaskLayer(20, 20);
        DirtyRect r = m.fillPolygon(new double[] {2, 12, 12, 2}, new double[] {2, 2, 12, 12}, true);
        assertEquals(100, m.countSet());
        assertTrue(m.isSet(2, 2));
        assertTrue(m.isSet(11, 11));
        assertFalse(m.isSet(12, 12));
        assertTrue(r.x() <= 2 && r.maxX() >= 12);
    }

    @Test
    void triangleFillHasAboutHalfTheBoundingBox() {
        MaskLayer m = new MaskLayer(100, 100);
        m.fillPolygon(new double[] {0, 100, 0}, new double[] {0, 100, 100}, true);
        assertEquals(5000, m.countSet(), 100);
    }

    @Test
    void imageRoundTripThresholdsAt128() {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 127, 128, 255});
        MaskLayer m = MaskLayer.fromImage(img);
        assertFalse(m.isSet(1, 0));
        assertTrue(m.isSet(2, 0));
        int[] back = m.toImage().getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null);
        assertEquals(255, back[3]);
        assertEquals(0, back[1]);
    }

    @Test
    void loadRejectsAMaskOfAnotherSize() {
        MaskLayer m = new MaskLayer(4, 4);
        assertThrows(IllegalArgumentException.class,
                () -> m.load(new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY)));
    }
}
