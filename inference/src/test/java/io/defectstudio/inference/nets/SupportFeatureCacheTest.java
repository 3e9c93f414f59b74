package io.defectstudio.inference.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class SupportFeatureCacheTest {

    private static final int S = Episodes.SIZE;

    @Test
    void aViewsKeyDependsOnItsValuesAndShapeOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray view = manager.randomNormal(new Shape(1, 3, 8, 8));
            assertEquals(SupportFeatureCache.key(view), SupportFeatureCache.key(view.duplicate()));
            assertNotEquals(SupportFeatureCache.key(view), SupportFeatureCache.key(view.add(1e-3f)));
            assertNotEquals(SupportFeatureCache.key(view), SupportFeatureCache.key(view.reshape(1, 3, 4, 16)));
        }
    }

    @Test
    void theLeastRecentlyUsedFeaturesGoFirstBeyondTheBudget() {
        try (NDManager manager = NDManager.newBaseManager();
                SupportFeatureCache cache = new SupportFeatureCache(manager, 2 * 400)) {
            NDArray a = manager.ones(new Shape(100));
            cache.put("a", a);
            cache.put("b", a.mul(2));
            try (NDArray hit = cache.get("a")) {
                assertEquals(100f, hit.sum().getFloat(), "a copy of what was stored");
            }
            cache.put("c", a.mul(3));
            assertNull(cache.get("b"), "b was used least recently");
            assertNotNull(cache.get("a"));
            assertNotNull(cache.get("c"));
            assertEquals(800, cache.bytes());
            assertEquals(3, cache.hits());
            assertEquals(1, cache.misses());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> new SupportFeatureCache(manager, 0));
        }
    }

    @Test
    void theMatcherEncodesACachedShotAsItDidTheFirstTime() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            FewShotNet net = Architectures.create("matcher", Backbones.builder().optName("tiny").optStemChannels(8)
                    .optUnits(1, 1, 1, 1).optWidths(8, 16, 32, 64).build(), 16);
            net.initialize(manager, DataType.FLOAT32, FewShotNet.inputShapes(S, S, 1));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList threeShots = Episodes.support(manager, 1, 3);
            NDList fresh = net.encodeSupport(ps, threeShots.get(0), threeShots.get(1), false);

            SupportFeatureCache cache = new SupportFeatureCache(manager, 1L << 30);
            net.cacheSupportFeatures(cache);
            NDList twoShots = new NDList(threeShots.get(0).get(":, 0:2"), threeShots.get(1).get(":, 0:2"));
            net.encodeSupport(ps, twoShots.get(0), twoShots.get(1), false);
            assertEquals(0, cache.hits());
            NDList cached = net.encodeSupport(ps, threeShots.get(0), threeShots.get(1), false);

            assertEquals(2, cache.hits(), "the two shots seen before");
            assertEquals(3, cache.misses());
            for (int i = 0; i < fresh.size(); i++) {
                assertEquals(fresh.get(i).getShape(), cached.get(i).getShape());
                assertTrue(fresh.get(i).contentEquals(cached.get(i)), "output " + i);
            }
            net.encodeSupport(ps, threeShots.get(0), threeShots.get(1), true);
            assertEquals(2, cache.hits(), "training encodes afresh: its backbone may be learning");
        }
    }
}
