package io.defectstudio.training.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.training.testdata.SyntheticData;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairAugmenterTest {

    @Test
    void imageAndMaskStayAlignedUnderScaleRotationAndFlip() {
        PairAugmenter augmenter = new PairAugmenter(new AugmentationPolicy(0.9, 1.1, 10, 0, 0.5));
        Random blobs = new Random(5);
        int moved = 0;
        for (int i = 0; i < 30; i++) {
            SyntheticData.Pair pair = SyntheticData.pair(blobs, 48, 40, 1);
            AugmentedPair out = augmenter.apply(pair.image(), pair.mask(), new SplittableRandom(i));
            assertEquals(48, out.image().getWidth());
            assertEquals(40, out.mask().getHeight());
            // The bright blob in the image must coincide with the mask after the transform.
            int both = 0;
            int either = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 48; x++) {
                    boolean bright = out.image().getRaster().getSample(x, y, 0) > 160;
                    int m = out.mask().getRaster().getSample(x, y, 0);
                    assertTrue(m == 0 || m == 255, "mask stays binary (nearest neighbour)");
                    boolean defect = m >= 128;
                    both += bright && defect ? 1 : 0;
                    either += bright || defect ? 1 : 0;
                }
            }
            assertTrue(both >= 0.8 * either, "episode " + i + ": overlap " + both + "/" + either);
            moved += differs(pair.mask(), out.mask()) ? 1 : 0;
        }
        assertTrue(moved > 20, "most draws change the geometry, got " + moved);
    }

    @Test
    void blurChangesOnlyTheImageAndNoneIsIdentity() {
        SyntheticData.Pair pair = SyntheticData.pair(new Random(1), 32, 32, 0);
        AugmentedPair blurred = new PairAugmenter(new AugmentationPolicy(1, 1, 0, 1, 0))
                .apply(pair.image(), pair.mask(), new SplittableRandom(3));
        assertTrue(differs(pair.image(), blurred.image()));
        assertTrue(!differs(pair.mask(), blurred.mask()));
        AugmentedPair same = new PairAugmenter(AugmentationPolicy.none())
                .apply(pair.image(), pair.mask(), new SplittableRandom(3));
        assertTrue(!differs(pair.image(), same.image()));
        BufferedImage wrong = new BufferedImage(31, 32, BufferedImage.TYPE_BYTE_GRAY);
        assertThrows(IllegalArgumentException.class, () -> new PairAugmenter(AugmentationPolicy.eamnet())
                .apply(pair.image(), wrong, new SplittableRandom(1)));
        assertNotEquals(AugmentationPolicy.none(), AugmentationPolicy.eamnet());
    }

    private static boolean differs(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRaster().getSample(x, y, 0) != b.getRaster().getSample(x, y, 0)) {
                    return true;
                }
            }
        }
        return false;
    }
}
