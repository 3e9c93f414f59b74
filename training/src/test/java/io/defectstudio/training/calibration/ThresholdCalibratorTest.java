package io.defectstudio.training.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.defectstudio.inference.ModelInfo;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeStream;
import io.defectstudio.training.episodes.MemorySample;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

    /**
     * Reads each query pixel's grey level as the network's probability (v / 255), so that a test can state exactly
     * which probabilities the calibrator sees. The real segmenter is exercised by MetaTrainerTest.
     */
    private static final class GreyIsProbability implements Segmenter {

        @Override
        public PreparedSupport prepare(SupportSet support) {
            return new PreparedSupport() {
                private boolean closed;

                @Override
                public int size() {
                    return support.size();
                }

                @Override
                public boolean isClosed() {
                    return closed;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }

        @Override
        public Segmentation segment(PreparedSupport support, BufferedImage query) {
            int w = query.getWidth();
            int h = query.getHeight();
            float[] p = new float[w * h];
            for (int i = 0; i < p.length; i++) {
                p[i] = query.getRaster().getSample(i % w, i / w, 0) / 255f;
            }
            return new Segmentation(w, h, p, new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), 0, 0);
        }

        @Override
        public List<Segmentation> segmentBatch(PreparedSupport support, List<BufferedImage> queries) {
            return queries.stream().map(q -> segment(support, q)).toList();
        }

        @Override
        public ModelInfo model() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String device() {
            return "test";
        }

        @Override
        public void close() {
        }
    }

    /** A square defect of the given grey level (probability) on a background of another. */
    private static EpisodeStream timidNetwork(int defectLevel, int backgroundLevel) {
        BufferedImage query = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mask = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                boolean defect = x >= 5 && x < 12 && y >= 5 && y < 12;
                query.getRaster().setSample(x, y, 0, defect ? defectLevel : backgroundLevel);
                mask.getRaster().setSample(x, y, 0, defect ? 255 : 0);
            }
        }
        MemorySample sample = new MemorySample("q", query, mask);
        return index -> new Episode("pseudo", List.of(sample), sample);
    }

    @Test
    void aTimidNetworkGetsALowThresholdAndTiesGoTowardOneHalf() {
        List<Integer> seen = new ArrayList<>();
        // Defect pixels at p = 0.30, background at p = 0.10: every threshold in (0.10, 0.30] is perfect.
        Calibration c = ThresholdCalibrator.calibrate(new GreyIsProbability(), timidNetwork(77, 25), 3, seen::add);
        assertEquals(0.30, c.threshold(), 1e-9);
        assertEquals(1.0, c.iou(), 1e-9);
        assertEquals(0.0, c.iouAtHalf(), 1e-9);
        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void aConfidentNetworkKeepsOneHalf() {
        Calibration c = ThresholdCalibrator.calibrate(new GreyIsProbability(), timidNetwork(240, 15), 1, n -> { });
        assertEquals(0.50, c.threshold(), 1e-9);
        assertEquals(1.0, c.iouAtHalf(), 1e-9);
    }

    @Test
    void noEpisodesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdCalibrator.calibrate(new GreyIsProbability(), timidNetwork(1, 2), 0, n -> { }));
    }
}
