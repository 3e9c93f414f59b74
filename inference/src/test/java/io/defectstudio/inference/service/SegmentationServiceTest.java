package io.defectstudio.inference.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.testing.CountingNet;
import io.defectstudio.inference.testing.TestBundles;
import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationServiceTest {

    private static final AtomicReference<CountingNet> NET = new AtomicReference<>();
    private static Segmenter segmenter;

    @BeforeAll
    static void open(@TempDir Path dir) throws Exception {
        TestBundles.write(dir.resolve("b"), "lerenet", 64, Manifest.Precision.FLOAT32, TestBundles.COUNTING);
        segmenter = DjlSegmenter.open(ModelBundle.load(dir.resolve("b")), InferenceOptions.of(DeviceChoice.CPU),
                (a, b) -> {
                    CountingNet net = (CountingNet) TestBundles.COUNTING.create(a, b);
                    NET.set(net);
                    return net;
                });
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    private static SupportSet support(int seed) {
        return SupportSet.of(new SupportExample(TestImages.grey(90, 70, seed, 20, 20, 70, 26),
                TestImages.mask(90, 70, 20, 20, 70, 26)));
    }

    private static BufferedImage query(int i) {
        return TestImages.grey(60 + i, 50, 100 + i, 10, 10, 40, 14);
    }

    /** Records what the service reports, in order. */
    static final class Recorder implements SegmentationListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> results = Collections.synchronizedList(new ArrayList<>());
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch expected;

        Recorder(int expectedCallbacks) {
            expected = new CountDownLatch(expectedCallbacks);
        }

        @Override
        public void onResult(String id, Segmentation result) {
            events.add("result " + id);
            results.add(id);
            if (result.width() != query(Integer.parseInt(id.substring(1))).getWidth()) {
                errors.add(id + ": result for another image");
            }
            expected.countDown();
        }

        @Override
        public void onError(String id, Exception error) {
            events.add("error " + id);
            errors.add(id + ": " + error.getMessage());
            expected.countDown();
        }

        @Override
        public void onProgress(int done, int total) {
            progress.add(new int[] {done, total});
        }

        void await() throws InterruptedException {
            assertTrue(expected.await(60, TimeUnit.SECONDS), "timed out; got " + events);
        }
    }

    /** An image source that waits for the test before handing over its image. */
    static ImageSource gated(int i, CountDownLatch loading, CountDownLatch release) {
        return () -> {
            loading.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return query(i);
        };
    }

    @Test
    void resultsAreEmittedOneByOneAsTheyAreReady() throws Exception {
        Recorder r = new Recorder(5);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 1))) {
            service.setSupport(support(1));
            for (int i = 0; i < 5; i++) {
                int n = i;
                service.submit("q" + i, () -> {
                    r.events.add("load q" + n);
                    return query(n);
                });
            }
            r.await();
        }
        assertEquals(List.of("q0", "q1", "q2", "q3", "q4"), r.results);
        assertEquals(List.of(), r.errors);
        assertTrue(r.events.indexOf("result q0") < r.events.indexOf("load q1"),
                "q0 must be emitted before q1 is even loaded: " + r.events);
        int[] last = r.progress.get(r.progress.size() - 1);
        assertEquals(5, last[0]);
        assertEquals(5, last[1]);
    }

    @Test
    void supportIsEncodedOncePerSupportSet() throws Exception {
        CountingNet net = NET.get();
        int before = net.encodeCalls.get();
        Recorder r = new Recorder(6);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(2, 1))) {
            service.setSupport(support(1));
            for (int i = 0; i < 6; i++) {
                service.submit("q" + i, query(i));
            }
            r.await();
        }
        assertEquals(before + 1, net.encodeCalls.get());
        assertEquals(6, r.results.size());
    }

    @Test
    void prioritiseMovesAPendingItemToTheFront() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder r = new Recorder(6);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 1))) {
            service.setSupport(support(1));
            service.submit("q0", gated(0, loading, release));
            for (int i = 1; i < 6; i++) {
                service.submit("q" + i, query(i));
            }
            assertTrue(loading.await(30, TimeUnit.SECONDS));
            assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), service.pendingIds());
            assertTrue(service.prioritise("q4"));
            assertFalse(service.prioritise("q0"), "q0 is running, not pending");
            assertFalse(service.prioritise("nope"));
            assertEquals(List.of("q4", "q1", "q2", "q3", "q5"), service.pendingIds());
            release.countDown();
            r.await();
        }
        assertEquals(List.of("q0", "q4", "q1", "q2", "q3", "q5"), r.results);
    }

    @Test
    void cancelStopsPendingAndDiscardsInFlightWork() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder r = new Recorder(1);
        int decodes = NET.get().decodeCalls.get();
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 1))) {
            service.setSupport(support(1));
            service.submit("q0", gated(0, loading, release));
            for (int i = 1; i < 10; i++) {
                service.submit("q" + i, query(i));
            }
            assertTrue(loading.await(30, TimeUnit.SECONDS));
            assertTrue(service.cancel("q3"));
            assertFalse(service.cancel("q3"));
            List<String> dropped = service.cancelAll();
            assertEquals(8, dropped.size());
            assertFalse(dropped.contains("q3"));
            assertEquals(0, service.pendingCount());
            release.countDown();
            service.submit("q10", query(10));
            r.await();
        }
        // close() waited for the workers: whatever they would still have emitted is in r.results now.
        assertEquals(List.of("q10"), r.results, "cancelled work must not be emitted");
        assertTrue(NET.get().decodeCalls.get() - decodes <= 2, "cancelled queries must not run");
    }

    @Test
    void supportChangeDropsPendingAndInFlightWork() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder r = new Recorder(2);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 1))) {
            service.setSupport(support(1));
            service.submit("q0", gated(0, loading, release));
            for (int i = 1; i < 5; i++) {
                service.submit("q" + i, query(i));
            }
            assertTrue(loading.await(30, TimeUnit.SECONDS));
            List<String> dropped = service.setSupport(support(2));
            assertEquals(List.of("q1", "q2", "q3", "q4"), dropped);
            release.countDown();
            service.submit("q7", query(7));
            service.submit("q8", query(8));
            r.await();
        }
        assertEquals(List.of("q7", "q8"), r.results, "results for the old support set must be dropped");
        int[] last = r.progress.get(r.progress.size() - 1);
        assertEquals(2, last[0]);
        assertEquals(2, last[1]);
    }

    @Test
    void batchesQueriesWhenAskedTo() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder r = new Recorder(9);
        int decodes = NET.get().decodeCalls.get();
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 4))) {
            service.setSupport(support(1));
            service.submit("q0", gated(0, loading, release));
            assertTrue(loading.await(30, TimeUnit.SECONDS));
            for (int i = 1; i < 9; i++) {
                service.submit("q" + i, query(i));
            }
            release.countDown();
            r.await();
        }
        assertEquals(List.of("q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"), r.results);
        assertEquals(3, NET.get().decodeCalls.get() - decodes, "1 + 4 + 4 queries in three network passes");
    }

    @Test
    void unreadableImageIsAnErrorAndTheQueueGoesOn() throws Exception {
        Recorder r = new Recorder(3);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 2))) {
            service.setSupport(support(1));
            service.submit("q0", query(0));
            service.submit("q1", () -> {
                throw new java.io.IOException("truncated PNG");
            });
            service.submit("q2", query(2));
            r.await();
        }
        assertEquals(List.of("q0", "q2"), r.results);
        assertEquals(List.of("q1: truncated PNG"), r.errors);
    }

    @Test
    void anImageThatRunsOutOfMemoryFailsAloneAndTheWorkerGoesOn() throws Exception {
        Recorder r = new Recorder(3);
        try (SegmentationService service = new SegmentationService(segmenter, r, new ServiceOptions(1, 1))) {
            service.setSupport(support(1));
            service.submit("q0", () -> {
                throw new OutOfMemoryError("Java heap space");
            });
            service.submit("q1", query(1));
            service.submit("q2", query(2));
            r.await();
        }
        assertEquals(List.of("q1", "q2"), r.results, "the one worker survived");
        assertEquals(1, r.errors.size());
        assertTrue(r.errors.get(0).startsWith("q0: out of memory"), r.errors.toString());
    }

    @Test
    void submittingWithoutSupportOrAfterCloseIsRefused() {
        SegmentationService service = new SegmentationService(segmenter, new Recorder(0));
        assertThrows(IllegalStateException.class, () -> service.submit("q0", query(0)));
        service.close();
        assertThrows(IllegalStateException.class, () -> service.setSupport(support(1)));
    }
}
