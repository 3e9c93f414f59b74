package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.defectstudio.inference.Masks;
import io.defectstudio.inference.nets.Normalisation;
import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static final Normalisation NORM = Normalisation.imageNet();
    private static final Preprocessor PRE = new Preprocessor(200, 100, NORM);
    private static NDManager manager;

    @BeforeAll
    static void engine() {
        EngineSetup.prepare();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void intensitiesAreScaledByTheBitsTheImageUses() {
        Preprocessor identity = new Preprocessor(2, 1, new Normalisation(new float[3],
                new float[] {1, 1, 1}));
        BufferedImage g8 = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setSample(0, 0, 0, 255);
        g8.getRaster().setSample(1, 0, 0, 51);
        BufferedImage g16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(0, 0, 0, 65535);
        g16.getRaster().setSample(1, 0, 0, 51 * 257);
        BufferedImage g14 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g14.getRaster().setSample(0, 0, 0, 16383);
        g14.getRaster().setSample(1, 0, 0, Math.round(51 * 16383f / 255));
        try (NDManager scope = manager.newSubManager()) {
            float[] p8 = identity.image(scope, g8).toFloatArray();
            assertArrayEquals(new float[] {1f, 0.2f, 1f, 0.2f, 1f, 0.2f}, p8, 1e-6f);
            assertArrayEquals(p8, identity.image(scope, g16).toFloatArray(), 1e-6f);
            assertArrayEquals(p8, identity.image(scope, g14).toFloatArray(), 1e-4f,
                    "14-bit data in a 16-bit file reads like the 8-bit picture, not divided by 65535");

            BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(0, 0, 0xff3300);
            rgb.setRGB(1, 0, 0xff3300);
            assertArrayEquals(new float[] {1f, 1f, 0.2f, 0.2f, 0f, 0f}, identity.image(scope, rgb).toFloatArray(),
                    1e-6f);

            BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED);
            indexed.setRGB(0, 0, 0xffffff);
            indexed.setRGB(1, 0, 0xffffff);
            assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 1f, 1f}, identity.image(scope, indexed).toFloatArray(),
                    1e-6f);
        }
    }

    @Test
    void imageIsResizedToTheInputSizeAndNormalisedPerChannel() {
        BufferedImage grey = new BufferedImage(301, 77, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Arrays.fill(((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData(),
                (byte) 128);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = PRE.image(scope, grey);
            assertEquals(new Shape(3, 100, 200), x.getShape());
            float[] v = x.toFloatArray();
            for (int c = 0; c < 3; c++) {
                float expected = (128f / 255f - NORM.mean()[c]) / NORM.std()[c];
                assertEquals(expected, v[c * 20000], 1e-4f);
                assertEquals(expected, v[c * 20000 + 19999], 1e-4f);
            }
        }
    }

    @Test
    void shrinkingAveragesInsteadOfAliasing() {
        // A one-pixel checkerboard: point sampling would give 0 or 1, area averaging gives 0.5 everywhere.
        BufferedImage board = new BufferedImage(400, 200, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                board.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }
        Preprocessor identity = new Preprocessor(200, 100, new Normalisation(new float[3],
                new float[] {1, 1, 1}));
        try (NDManager scope = manager.newSubManager()) {
            float[] v = identity.image(scope, board).toFloatArray();
            for (float f : v) {
                assertEquals(0.5f, f, 1e-3f);
            }
        }
    }

    @Test
    void masksStayBinaryAndTinyDefectsSurviveShrinking() {
        try (NDManager scope = manager.newSubManager()) {
            BufferedImage big = TestImages.mask(1000, 500, 100, 100, 600, 300);
            NDArray m = PRE.mask(scope, big);
            assertEquals(new Shape(1, 100, 200), m.getShape());
            float[] v = m.toFloatArray();
            double sum = 0;
            for (float f : v) {
                assertTrue(f == 0f || f == 1f);
                sum += f;
            }
            assertEquals(100 * 40, sum, 0.0, "the defect covers a quarter of the columns and 40% of the rows");

            BufferedImage dot = TestImages.mask(1000, 500, 501, 251, 502, 252);
            assertEquals(1, Masks.countDefect(dot));
            assertTrue(PRE.mask(scope, dot).sum().getFloat() >= 1f, "a one-pixel defect must not vanish");

            BufferedImage empty = TestImages.mask(300, 100, 0, 0, 0, 0);
            assertEquals(0f, PRE.mask(scope, empty).sum().getFloat());
        }
    }

    @Test
    void maskThresholdIsHalfTheRange() {
        BufferedImage m8 = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        m8.getRaster().setSample(0, 0, 0, 127);
        m8.getRaster().setSample(1, 0, 0, 128);
        assertArrayEquals(new byte[] {0, 1}, Masks.defectPixels(m8));
        BufferedImage m16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        m16.getRaster().setSample(0, 0, 0, 32767);
        m16.getRaster().setSample(1, 0, 0, 32768);
        assertArrayEquals(new byte[] {0, 1}, Masks.defectPixels(m16));
    }
}
