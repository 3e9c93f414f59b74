package io.defectstudio.training.datasets.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The expected strings are worked out by hand below; pycocotools 2.0.11 ({@code mask.encode} on the same
 * Fortran-ordered arrays) gives exactly the same ones: "333ON", "5b15hNi0" and "T3".
 */
class CocoRleTest {

    /*
     * Hand-worked example, h = 4, w = 3 (rows y, columns x):
     *   0 1 0
     *   0 1 1
     *   0 0 1
     *   1 0 0
     * Column-major (x outer, y inner): 0001 1100 0110 -> runs of 0,1,0,1,0 = 3,3,3,2,1.
     * rleToString: i=0,1,2 store 3,3,3 as-is: 3 < 16 fits one group -> chr(48+3) = '3' each.
     * i=3 stores 2 - cnts[1] = -1: low 5 bits 0x1f, x >>= 5 gives -1, sign bit 0x10 set and x == -1 -> stop;
     *   chr(48+31) = 'O'.
     * i=4 stores 1 - cnts[2] = -2: low bits 30, x -> -1, stop; chr(48+30) = 'N'.  Result "333ON".
     */
    private static final boolean[] EXAMPLE = {
        false, true, false,
        false, true, true,
        false, false, true,
        true, false, false};

    @Test
    void countsAreColumnMajorAndStartWithBackground() {
        assertArrayEquals(new long[] {3, 3, 3, 2, 1}, CocoRle.counts(EXAMPLE, 3, 4));
    }

    @Test
    void handWorkedExampleCompressesAsPycocotools() {
        assertEquals("333ON", CocoRle.toCompressedString(new long[] {3, 3, 3, 2, 1}));
        assertArrayEquals(new long[] {3, 3, 3, 2, 1}, CocoRle.fromCompressedString("333ON"));
        assertArrayEquals(EXAMPLE, CocoRle.decode(CocoRle.fromCompressedString("333ON"), 3, 4));
    }

    /*
     * Multi-character counts. 100: low 5 bits 4, x -> 3, no sign bit and x != 0 -> more: chr(48 + (4|32)) = 'T',
     * then 3 -> '3'.  50: low bits 18 (sign bit 0x10 set), x -> 1 != -1 -> more: chr(48 + 50) = 'b', then '1'.
     * Delta -40 (10 - 50 at i=3): low bits 24 (sign bit set), x -> -2 != -1 -> more: chr(48 + 56) = 'h';
     * then low bits 30, x -> -1 -> stop: 'N'.  Delta 25 (30 - 5 at i=4): low bits 25 with the sign bit set but
     * x -> 0 != -1 -> more: chr(48 + 57) = 'i', then 0 -> '0'.
     */
    @Test
    void handWorkedMultiCharacterAndNegativeDeltas() {
        assertEquals("T3", CocoRle.toCompressedString(new long[] {100}));
        long[] counts = {5, 50, 5, 10, 30};
        assertEquals("5b15hNi0", CocoRle.toCompressedString(counts));
        assertArrayEquals(counts, CocoRle.fromCompressedString("5b15hNi0"));
    }

    @Test
    void randomMasksSurviveEncodeAndDecode() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextInt(4) == 0;
            }
            long[] counts = CocoRle.counts(mask, w, h);
            String s = CocoRle.toCompressedString(counts);
            assertArrayEquals(counts, CocoRle.fromCompressedString(s));
            assertArrayEquals(mask, CocoRle.decode(counts, w, h));
        }
    }

    @Test
    void countsThatDoNotFillTheImageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CocoRle.decode(new long[] {3, 3}, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> CocoRle.fromCompressedString("T"));
    }
}
