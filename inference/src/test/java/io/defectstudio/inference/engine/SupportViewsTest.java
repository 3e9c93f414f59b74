package io.defectstudio.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SupportViewsTest {

    @BeforeAll
    static void engine() {
        EngineSetup.prepare();
    }

    @Test
    void aCropsViewsAreItsMirrorImagesThenItsTransposeAndTheMaskMovesWithTheImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one channel, 2x2: [[1, 2], [3, 4]]; the mask marks the top-left pixel
            NDArray image = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 2));
            NDArray mask = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 2, 2));
            SupportViews.Crops views = SupportViews.of(new SupportViews.Crops(new NDList(image), new NDList(mask)), 8);
            float[][] expected = {
                {1, 2, 3, 4}, // as painted
                {2, 1, 4, 3}, // mirrored left-right
                {3, 4, 1, 2}, // mirrored top-bottom
                {1, 3, 2, 4}, // transposed
                {4, 3, 2, 1}, // turned by 180 degrees
                {2, 4, 1, 3}, // left-right mirror, transposed
                {3, 1, 4, 2}, // top-bottom mirror, transposed
                {4, 2, 3, 1}, // turned by 180 degrees, transposed
            };
            assertEquals(8, views.images().size());
            for (int i = 0; i < expected.length; i++) {
                float[] pixels = views.images().get(i).toFloatArray();
                assertArrayEquals(expected[i], pixels, "view " + i);
                float[] marked = views.masks().get(i).toFloatArray();
                for (int p = 0; p < 4; p++) {
                    assertEquals(pixels[p] == 1 ? 1f : 0f, marked[p], "view " + i + " pixel " + p);
                }
            }
        }
    }

    @Test
    void nonSquareCropsGetOnlyMirrorImagesAndTheBudgetIsSharedByTheShots() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wide = m.zeros(new Shape(3, 2, 5));
            NDList images = new NDList(wide, wide);
            NDList masks = new NDList(m.zeros(new Shape(1, 2, 5)), m.zeros(new Shape(1, 2, 5)));
            SupportViews.Crops views = SupportViews.of(new SupportViews.Crops(images, masks), 8);
            assertEquals(8, views.images().size(), "two shots, four mirror views each");
            views.images().forEach(v -> assertEquals(new Shape(3, 2, 5), v.getShape()));
        }
        assertEquals(4, SupportViews.perShot(4, 1));
        assertEquals(2, SupportViews.perShot(4, 2));
        assertEquals(2, SupportViews.perShot(4, 3), "several shots keep at least their mirror image");
        assertEquals(2, SupportViews.perShot(4, 5));
        assertEquals(1, SupportViews.perShot(1, 1), "a budget of 1 adds no view");
        assertEquals(1, SupportViews.perShot(1, 5));
    }
}
