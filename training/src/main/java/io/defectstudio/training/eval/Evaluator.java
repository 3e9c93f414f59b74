package io.defectstudio.training.eval;

import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.training.adapt.BundleOpener;
import io.defectstudio.training.episodes.Defect8iSource;
import io.defectstudio.training.episodes.Episode;
import io.defectstudio.training.episodes.EpisodeList;
import io.defectstudio.training.episodes.Sample;
import io.defectstudio.training.metrics.BinaryMask;
import io.defectstudio.training.metrics.FalsePositiveCounter;
import io.defectstudio.training.metrics.IouAccumulator;
import io.defectstudio.training.metrics.ThresholdSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Scores a model bundle on a fixed episode list with the Defect-8i rules (mask >= 128, scoring at the query's original
 * size, per-class IoU summed over episodes, mIoU, FB-IoU), and measures false positives on defect-free tiles
 * (MT_Free queries against the list's magnetic-tile support sets). Everything goes through the public
 * {@link Segmenter}, so what is scored is what ships.
 */
public final class Evaluator {

    private static final int CACHE_SIZE = 16;
    private static final String TILE_PREFIX = "MT_";

    private Evaluator() {
    }

    /**
     * Loads the bundle and scores it.
     *
     * @param episodeList a {@code foldF_Kshot.tsv} list, paths relative to {@code dataDir}
     */
    public static EvalReport evaluate(Path bundlePath, Path episodeList, Path dataDir, EvalOptions options,
            EvalListener listener) {
        ModelBundle bundle = ModelBundle.load(bundlePath);
        List<Episode> all = EpisodeList.read(episodeList, dataDir);
        List<Sample> normals = normalTiles(dataDir, options.normalImages());
        InferenceOptions inference = options.inference();
        try (Segmenter segmenter = BundleOpener.open(bundle, inference)) {
            return evaluate(segmenter, all, options.limit(), normals, options.sweep(), listener);
        }
    }

    /**
     * Scores an open segmenter.
     *
     * @param limit first N episodes only (0 = all)
     * @param normals defect-free queries; each is segmented against a magnetic-tile support set of the list
     * @param sweep thresholds at which mIoU is also reported (may be empty)
     */
    public static EvalReport evaluate(Segmenter segmenter, List<Episode> episodes, int limit, List<Sample> normals,
            List<Double> sweep, EvalListener listener) {
        long started = System.nanoTime();
        List<Episode> scored = bySupportSet(limit > 0 && limit < episodes.size() ? episodes.subList(0, limit)
                : episodes);
        IouAccumulator iou = new IouAccumulator();
        FalsePositiveCounter falsePositives = new FalsePositiveCounter();
        ThresholdSweep thresholds = new ThresholdSweep(sweep);
        long queryMillis = 0;
        int queries = 0;
        try (SupportCache cache = new SupportCache(segmenter, CACHE_SIZE)) {
            for (int i = 0; i < scored.size(); i++) {
                Episode episode = scored.get(i);
                PreparedSupport support = cache.get(episode.supports());
                Segmentation result = segmenter.segment(support, episode.query().image());
                BinaryMask truth = BinaryMask.fromGray(episode.query().mask());
                iou.add(episode.className(), atSize(BinaryMask.fromGray(result.mask()), truth), truth);
                thresholds.add(episode.className(), result.probability(), result.width(), result.height(), truth);
                queryMillis += result.latencyMillis();
                queries++;
                report(listener, "episodes", i + 1, scored.size(), started, started);
            }
            List<List<Sample>> tileSupports = tileSupportSets(episodes);
            if (!normals.isEmpty() && tileSupports.isEmpty()) {
                throw new IllegalArgumentException("The episode list has no magnetic-tile episode whose support set "
                        + "could be used for the defect-free tiles");
            }
            long normalsStarted = System.nanoTime();
            for (int i = 0; i < normals.size(); i++) {
                PreparedSupport support = cache.get(tileSupports.get(i % tileSupports.size()));
                Segmentation result = segmenter.segment(support, normals.get(i).image());
                falsePositives.add(BinaryMask.fromGray(result.mask()));
                thresholds.addNormal(result.probability(), result.width(), result.height());
                queryMillis += result.latencyMillis();
                queries++;
                report(listener, "normal images", i + 1, normals.size(), started, normalsStarted);
            }
            return new EvalReport(scored.size(), episodes.size(), iou.classIou(), iou.meanIou(), iou.fbIou(),
                    normals.size(), falsePositives.falsePositiveRate(), falsePositives.meanPaintedFraction(),
                    cache.encodings(), Duration.ofNanos(System.nanoTime() - started),
                    queries == 0 ? 0 : (double) queryMillis / queries, thresholds.meanIou(),
                    thresholds.falsePositiveRate());
        }
    }

    /**
     * The episodes with those of one support set next to each other (first appearance order), so that each set is
     * prepared once: a tuned segmenter fits itself to every set it prepares. The sets are grouped by class, so that
     * the support cache holds one class's images at a time. The scores are sums, so order is free.
     */
    static List<Episode> bySupportSet(List<Episode> episodes) {
        LinkedHashMap<List<String>, List<Episode>> sets = new LinkedHashMap<>();
        for (Episode e : episodes) {
            sets.computeIfAbsent(ids(e.supports()), k -> new ArrayList<>()).add(e);
        }
        return sets.values().stream().sorted(Comparator.comparing(set -> set.get(0).className()))
                .flatMap(List::stream).toList();
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }

    /** The segmenter answers at the original size; a mask of another size is resized to the ground truth's. */
    private static BinaryMask atSize(BinaryMask predicted, BinaryMask truth) {
        return predicted.resizeNearest(truth.width(), truth.height());
    }

    /** Distinct support sets of the list's magnetic-tile episodes, in list order (at most 16). */
    static List<List<Sample>> tileSupportSets(List<Episode> episodes) {
        LinkedHashMap<List<String>, List<Sample>> sets = new LinkedHashMap<>();
        for (Episode e : episodes) {
            if (e.className().startsWith(TILE_PREFIX) && sets.size() < CACHE_SIZE) {
                sets.putIfAbsent(ids(e.supports()), e.supports());
            }
        }
        return new ArrayList<>(sets.values());
    }

    /** MT_Free tiles of the data directory: the first {@code count} ({@code -1} = all, 0 = none). */
    static List<Sample> normalTiles(Path dataDir, int count) {
        if (count == 0 || !Files.isDirectory(dataDir.resolve("magnetic-tile"))) {
            return List.of();
        }
        List<Sample> tiles = Defect8iSource.open(dataDir).normalSamples();
        return count < 0 || count >= tiles.size() ? tiles : tiles.subList(0, count);
    }

    private static void report(EvalListener listener, String phase, int done, int total, long started,
            long phaseStarted) {
        long now = System.nanoTime();
        long perItem = (now - phaseStarted) / done;
        listener.onProgress(new EvalProgress(phase, done, total, Duration.ofNanos(now - started),
                Duration.ofNanos(perItem * (total - done))));
    }
}
