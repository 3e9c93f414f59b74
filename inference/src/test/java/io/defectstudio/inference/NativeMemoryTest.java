package io.defectstudio.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.engine.NetworkFactory;
import io.defectstudio.inference.testing.TestBundles;
import io.defectstudio.inference.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native tensors the GC never sees must all be freed: resident memory stays flat over many segmentations. */
class NativeMemoryTest {

    private static final int SEGMENTATIONS = 500;
    private static final long MAX_GROWTH_KB = 64 * 1024;

    @Test
    void residentMemoryStaysFlatOver500Segmentations(@TempDir Path dir) throws IOException {
        TestBundles.write(dir.resolve("b"), "lerenet", 64, Manifest.Precision.FLOAT32);
        BufferedImage image = TestImages.grey(96, 80, 1, 20, 30, 70, 36);
        BufferedImage mask = TestImages.mask(96, 80, 20, 30, 70, 36);
        BufferedImage query = TestImages.grey(120, 90, 2, 10, 40, 100, 47);
        SupportSet set = SupportSet.of(new SupportExample(image, mask));
        try (Segmenter s = DjlSegmenter.open(ModelBundle.load(dir.resolve("b")),
                InferenceOptions.of(DeviceChoice.CPU), NetworkFactory.standard())) {
            run(s, set, query, 100);
            long before = residentKb();
            run(s, set, query, SEGMENTATIONS);
            long growth = residentKb() - before;
            assertTrue(growth < MAX_GROWTH_KB, "resident memory grew by " + growth + " kB over " + SEGMENTATIONS
                    + " segmentations");
        }
    }

    /** Segments {@code n} queries, re-preparing the support every 50 so support encodings are freed too. */
    private static void run(Segmenter s, SupportSet set, BufferedImage query, int n) {
        int done = 0;
        while (done < n) {
            try (PreparedSupport support = s.prepare(set)) {
                for (int i = 0; i < 50 && done < n; i++, done++) {
                    s.segment(support, query);
                }
            }
        }
    }

    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
