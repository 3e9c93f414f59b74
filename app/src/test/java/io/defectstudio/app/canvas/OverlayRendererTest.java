package io.defectstudio.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.defectstudio.app.paint.DirtyRect;
import io.defectstudio.app.paint.MaskLayer;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {
    private static byte[] render(MaskStyle style) {
        MaskLayer m = new MaskLayer(8, 8);
        m.fillPolygon(new double[] {0, 8, 8, 0}, new double[] {0, 0, 8, 8}, true);
        return new OverlayRenderer().render(m, new DirtyRect(0, 0, 8, 8), style, 0.5, null);
    }

    @Test
    void backgroundIsTransparentAndOnlyTheRectIsRendered() {
        MaskLayer m = new MaskLayer(20, 20);
        m.stampDisc(15, 15, 2, true);
        byte[] out = new OverlayRenderer().render(m, new DirtyRect(10, 10, 10, 10), MaskStyle.support(0xFF0000), 1,
                null);
        assertEquals(400, out.length);
        assertEquals(0, out[3]);
        int centre = ((15 - 10) * 10 + (15 - 10)) * 4;
        assertEquals(255, out[centre + 2] & 0xFF);
        assertEquals(255, out[centre + 3] & 0xFF);
    }

    @Test
    void supportPredictionAndAcceptedLookDifferent() {
        byte[] support = render(MaskStyle.support(MaskStyle.ACCEPTED_RGB));
        byte[] prediction = render(MaskStyle.prediction());
        byte[] accepted = render(MaskStyle.accepted());
        // same colour as accepted, but solid: the pattern alone tells them apart
        assertNotEquals(java.util.Arrays.toString(support), java.util.Arrays.toString(accepted));
        assertNotEquals(java.util.Arrays.toString(prediction), java.util.Arrays.toString(accepted));
        // the prediction is hatched: alpha varies along a row
        assertNotEquals(prediction[3], prediction[4 * 4 + 3]);
    }
}
