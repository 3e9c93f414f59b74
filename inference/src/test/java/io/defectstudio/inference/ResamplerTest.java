package io.defectstudio.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.defectstudio.inference.engine.EngineSetup;
import java.awt.Rectangle;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }

    private static float[] torch(float[] v, int w, int h, int outW, int outH, Image.Interpolation mode) {
        EngineSetup.prepare();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(v, new Shape(1, 1, h, w));
            return x.getNDArrayInternal().interpolation(new long[] {outH, outW}, mode.ordinal(), false)
                    .toFloatArray();
        }
    }

    @Test
    void enlargingMatchesPyTorchBilinear() {
        float[] v = random(200 * 150, 1);
        float[] ours = Resampler.resample(Resampler.plane(v, 200), new Rectangle(0, 0, 200, 150), 320, 257);
        assertArrayEquals(torch(v, 200, 150, 320, 257, Image.Interpolation.BILINEAR), ours, 1e-5f);
    }

    @Test
    void shrinkingByWholeFactorsMatchesPyTorchArea() {
        float[] v = random(400 * 300, 2);
        float[] ours = Resampler.resample(Resampler.plane(v, 400), new Rectangle(0, 0, 400, 300), 100, 60);
        assertArrayEquals(torch(v, 400, 300, 100, 60, Image.Interpolation.AREA), ours, 1e-5f);
    }

    @Test
    void fractionalShrinkingKeepsTheMeanAndAConstantStaysConstant() {
        float[] v = random(997 * 13, 3);
        float[] ours = Resampler.resample(Resampler.plane(v, 997), new Rectangle(0, 0, 997, 13), 331, 13);
        double in = 0;
        for (float f : v) {
            in += f;
        }
        double out = 0;
        for (float f : ours) {
            out += f;
        }
        assertEquals(in / v.length, out / ours.length, 1e-4, "exact area weights conserve the mean");
        float[] ones = new float[997 * 13];
        java.util.Arrays.fill(ones, 1f);
        for (float f : Resampler.resample(Resampler.plane(ones, 997), new Rectangle(0, 0, 997, 13), 331, 29)) {
            assertEquals(1f, f, 1e-5f);
        }
    }

    @Test
    void aRegionIsResampledFromItsOwnPixelsOnly() {
        float[] v = new float[10 * 10];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                v[y * 10 + x] = x >= 5 ? 1f : 0f;
            }
        }
        float[] right = Resampler.resample(Resampler.plane(v, 10), new Rectangle(5, 2, 5, 5), 2, 2);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, right, 1e-6f);
    }
}
