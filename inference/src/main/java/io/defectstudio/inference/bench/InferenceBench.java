package io.defectstudio.inference.bench;

import ai.djl.ndarray.NDManager;
import io.defectstudio.inference.DeviceChoice;
import io.defectstudio.inference.InferenceOptions;
import io.defectstudio.inference.PreparedSupport;
import io.defectstudio.inference.Segmentation;
import io.defectstudio.inference.Segmenter;
import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import io.defectstudio.inference.bundle.Manifest;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.inference.engine.DjlSegmenter;
import io.defectstudio.inference.engine.EngineSetup;
import io.defectstudio.inference.engine.ModelBundleWriter;
import io.defectstudio.inference.engine.NetworkFactory;
import io.defectstudio.inference.engine.NetworkLoader;
import io.defectstudio.inference.nets.Architectures;
import io.defectstudio.inference.nets.FewShotNet;
import io.defectstudio.inference.nets.ParameterCounts;
import io.defectstudio.inference.service.SegmentationListener;
import io.defectstudio.inference.service.SegmentationService;
import io.defectstudio.inference.service.ServiceOptions;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.file.PathUtils;

/**
 * Inference benchmark: per network and backbone, latency per query with a cached support set and without (support
 * encoded for every query), queue throughput through {@link SegmentationService}, and peak resident memory.
 * Synthetic images; randomly initialised weights unless a bundle is given (latency does not depend on weight values).
 *
 * <p>{@link #run} measures in this process. {@link #runIsolated} starts one JVM per network so that each peak
 * memory figure (VmHWM) belongs to that network alone; the child runs the product's {@code bench} command with
 * {@code --in-process}, which prints each {@link Row} as a line.
 */
public final class InferenceBench {

    private InferenceBench() {}

    /**
     * What to measure.
     *
     * @param architectures networks to run
     * @param backbones backbones to run each network on
     * @param bundle a bundle to run instead of random weights (then architectures/backbones are ignored), or null
     * @param inputSize network input size when weights are random
     * @param queryWidth synthetic query width
     * @param queryHeight synthetic query height
     * @param sixteenBit synthetic images in 16-bit grey instead of 8-bit
     * @param supportWidth synthetic support width (0 = the query's)
     * @param supportHeight synthetic support height (0 = the query's)
     * @param detail working scale (0 = the model's default)
     * @param heap the {@code -Xmx} of each measuring JVM, e.g. {@code 1g}
     * @param shots support images
     * @param warmup untimed iterations first
     * @param iterations timed queries per latency figure
     * @param queueImages images pushed through the service
     * @param device where to run
     * @param intraOpThreads engine intra-op threads, 0 for the engine default
     * @param service worker and batch settings, or null for the service's default for the device
     */
    public record Config(
            List<String> architectures,
            List<String> backbones,
            Path bundle,
            int inputSize,
            int queryWidth,
            int queryHeight,
            boolean sixteenBit,
            int supportWidth,
            int supportHeight,
            int detail,
            String heap,
            int shots,
            int warmup,
            int iterations,
            int queueImages,
            DeviceChoice device,
            int intraOpThreads,
            ServiceOptions service) {

        public static Config defaults() {
            return new Config(Architectures.NAMES, List.of("compact", "resnet18", "resnet50"), null,
                    Manifest.DEFAULT_INPUT_SIZE, 200, 200, false, 0, 0, 0, "1g", 1, 5, 30, 40, DeviceChoice.AUTO, 0,
                    null);
        }

        int supportW() {
            return supportWidth > 0 ? supportWidth : queryWidth;
        }

        int supportH() {
            return supportHeight > 0 ? supportHeight : queryHeight;
        }
    }

    /** One measured network; latencies in milliseconds, memory in MiB. */
    public record Row(
            String architecture,
            String backbone,
            int inputSize,
            String query,
            int detail,
            String device,
            double cachedMedianMs,
            double cachedP95Ms,
            double uncachedMedianMs,
            double uncachedP95Ms,
            double queueImagesPerSecond,
            String queueSettings,
            long peakRssMiB) {

        /** The row as one tab-separated line, as a measuring child prints it. */
        public String toLine() {
            return String.join("\t", "ROW", architecture, backbone, Integer.toString(inputSize), query,
                    Integer.toString(detail), device,
                    Double.toString(cachedMedianMs), Double.toString(cachedP95Ms), Double.toString(uncachedMedianMs),
                    Double.toString(uncachedP95Ms), Double.toString(queueImagesPerSecond), queueSettings,
                    Long.toString(peakRssMiB));
        }

        static Row fromLine(String line) {
            String[] f = line.split("\t");
            return new Row(f[1], f[2], Integer.parseInt(f[3]), f[4], Integer.parseInt(f[5]), f[6],
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11]), f[12], Long.parseLong(f[13]));
        }
    }

    /** The benchmark table with where and when it was measured. */
    public record Result(List<Row> rows, String machine, String date, Config config) {

        /** A Markdown table. */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("| network | backbone | input | query | detail | device | cached median ms | cached p95 ms"
                    + " | uncached median ms | uncached p95 ms | queue img/s | queue settings | peak RSS MiB |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %dx%d | %s | %d | %s | %.1f | %.1f | %.1f | %.1f"
                                + " | %.1f | %s | %d |%n", r.architecture(), r.backbone(), r.inputSize(), r.inputSize(),
                        r.query(), r.detail(), r.device(), r.cachedMedianMs(), r.cachedP95Ms(), r.uncachedMedianMs(),
                        r.uncachedP95Ms(), r.queueImagesPerSecond(), r.queueSettings(), r.peakRssMiB()));
            }
            return sb.toString();
        }
    }

    /** Measures every configured network in this process (peak memory is then the process's running peak). */
    public static Result run(Config config, PrintStream log) throws IOException {
        EngineSetup.prepare(options(config));
        List<Row> rows = new ArrayList<>();
        Path temp = Files.createTempDirectory("ds-bench");
        try {
            if (config.bundle() != null) {
                rows.add(measure(ModelBundle.load(config.bundle()), config, log));
            } else {
                for (String backbone : config.backbones()) {
                    for (String architecture : config.architectures()) {
                        Path bundle = temp.resolve(architecture + "-" + backbone);
                        randomBundle(bundle, architecture, backbone, config.inputSize());
                        rows.add(measure(ModelBundle.load(bundle), config, log));
                    }
                }
            }
        } finally {
            PathUtils.delete(temp);
        }
        return new Result(rows, machine(), Instant.now().toString(), config);
    }

    /**
     * Measures each network in a fresh JVM, so each peak-memory figure is that network's own (loading its bundle
     * included; random bundles are written by this process beforehand).
     */
    public static Result runIsolated(Config config, PrintStream log, List<String> childMain)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        Path temp = Files.createTempDirectory("ds-bench");
        try {
            if (config.bundle() != null) {
                rows.add(runChild(config.bundle(), config, log, childMain));
            } else {
                EngineSetup.prepare(options(config));
                for (String backbone : config.backbones()) {
                    for (String architecture : config.architectures()) {
                        Path bundle = temp.resolve(architecture + "-" + backbone);
                        randomBundle(bundle, architecture, backbone, config.inputSize());
                        rows.add(runChild(bundle, config, log, childMain));
                        PathUtils.delete(bundle);
                    }
                }
            }
        } finally {
            PathUtils.delete(temp);
        }
        return new Result(rows, machine(), Instant.now().toString(), config);
    }

    /**
     * Runs one measurement in a fresh JVM on this class path.
     *
     * @param childMain the main class and arguments that run the product's {@code bench --in-process}
     */
    private static Row runChild(Path bundle, Config config, PrintStream log, List<String> childMain)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + config.heap(), "-cp", System.getProperty("java.class.path")));
        for (String key : List.of("ai.djl.offline", "OPT_OUT_TRACKING", "PYTORCH_LIBRARY_PATH")) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.addAll(childMain);
        cmd.addAll(List.of("--model", bundle.toString()));
        cmd.addAll(sharedArgs(config));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Row row = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ROW\t")) {
                    row = Row.fromLine(line);
                } else {
                    log.println(line);
                }
            }
        }
        if (p.waitFor() != 0 || row == null) {
            throw new IOException("benchmark of " + bundle + " failed (exit " + p.exitValue() + ")");
        }
        return row;
    }

    private static List<String> sharedArgs(Config c) {
        List<String> args = new ArrayList<>(c.sixteenBit() ? List.of("--16bit") : List.of());
        args.addAll(List.of("--size", Integer.toString(c.inputSize()), "--query",
                c.queryWidth() + "x" + c.queryHeight(), "--support", c.supportW() + "x" + c.supportH(), "--detail",
                Integer.toString(c.detail()), "--heap", c.heap(), "--shots", Integer.toString(c.shots()), "--warmup",
                Integer.toString(c.warmup()), "--iterations", Integer.toString(c.iterations()), "--queue",
                Integer.toString(c.queueImages()), "--device", c.device().name(), "--threads",
                Integer.toString(c.intraOpThreads())));
        if (c.service() != null) {
            args.addAll(List.of("--workers", Integer.toString(c.service().workers()), "--batch",
                    Integer.toString(c.service().maxBatch())));
        }
        return args;
    }

    private static Row measure(ModelBundle bundle, Config config, PrintStream log) {
        Manifest m = bundle.manifest();
        SupportSet support = supportSet(config);
        BufferedImage query = surface(config.queryWidth(), config.queryHeight(), 99, false, config.sixteenBit());
        try (Segmenter segmenter = DjlSegmenter.open(bundle, options(config))) {
            log.printf(Locale.ROOT, "%s/%s on %s: latency...%n", m.architecture(), m.backbone(), segmenter.device());
            double[] cached = new double[config.iterations()];
            double[] uncached = new double[config.iterations()];
            try (PreparedSupport prepared = segmenter.prepare(support)) {
                Runnable cachedQuery = () -> segmenter.segment(prepared, query);
                Runnable uncachedQuery = () -> {
                    try (PreparedSupport fresh = segmenter.prepare(support)) {
                        segmenter.segment(fresh, query);
                    }
                };
                for (int i = 0; i < config.warmup(); i++) {
                    cachedQuery.run();
                    uncachedQuery.run();
                }
                // Interleaved, so that load from other processes hits both figures alike.
                for (int i = 0; i < config.iterations(); i++) {
                    cached[i] = millis(cachedQuery);
                    uncached[i] = millis(uncachedQuery);
                }
            }
            log.printf(Locale.ROOT, "%s/%s: queue...%n", m.architecture(), m.backbone());
            ServiceOptions options = config.service() != null
                    ? config.service()
                    : ServiceOptions.forDevice(segmenter.device());
            double throughput = queueThroughput(segmenter, support, query, config.queueImages(), options);
            Row row = new Row(m.architecture(), m.backbone(), m.inputWidth(), config.queryWidth() + "x"
                    + config.queryHeight() + (config.sixteenBit() ? " 16-bit" : ""), segmenter.model().detail(),
                    segmenter.device(),
                    percentile(cached, 50), percentile(cached, 95), percentile(uncached, 50),
                    percentile(uncached, 95), throughput, options.workers() + " worker x batch " + options.maxBatch()
                            + (config.intraOpThreads() > 0 ? ", " + config.intraOpThreads() + " intra-op thr" : ""),
                    peakRssMiB());
            log.printf(Locale.ROOT, "%s/%s: cached %.1f ms, uncached %.1f ms, queue %.1f img/s, peak %d MiB%n",
                    row.architecture(), row.backbone(), row.cachedMedianMs(), row.uncachedMedianMs(),
                    row.queueImagesPerSecond(), row.peakRssMiB());
            return row;
        }
    }

    private static InferenceOptions options(Config config) {
        return InferenceOptions.of(config.device()).withThreads(config.intraOpThreads(), 0)
                .withDetail(config.detail());
    }

    private static double millis(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double queueThroughput(Segmenter segmenter, SupportSet support, BufferedImage query, int images,
            ServiceOptions options) {
        CountDownLatch finished = new CountDownLatch(images);
        AtomicInteger errors = new AtomicInteger();
        SegmentationListener listener = new SegmentationListener() {
            @Override
            public void onResult(String id, Segmentation result) {
                finished.countDown();
            }

            @Override
            public void onError(String id, Exception error) {
                errors.incrementAndGet();
                finished.countDown();
            }
        };
        try (SegmentationService service = new SegmentationService(segmenter, listener, options)) {
            long t0 = System.nanoTime();
            service.setSupport(support);
            for (int i = 0; i < images; i++) {
                service.submit("q" + i, query);
            }
            if (!finished.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("queue benchmark timed out");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (errors.get() > 0) {
                throw new IllegalStateException(errors.get() + " queue items failed");
            }
            return images / seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void randomBundle(Path target, String architecture, String backbone, int size) throws IOException {
        Manifest m = Manifest.builder().setArchitecture(architecture).setBackbone(backbone)
                .optName("bench-random").optInputSize(size, size).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            FewShotNet net = NetworkFactory.standard().create(architecture, backbone);
            NetworkLoader.initialize(net, manager, size, size);
            ModelBundleWriter.write(target, m, net, Manifest.Precision.forParameters(ParameterCounts.learnable(net)));
        }
    }

    private static SupportSet supportSet(Config config) {
        List<SupportExample> examples = new ArrayList<>();
        for (int k = 0; k < config.shots(); k++) {
            examples.add(new SupportExample(surface(config.supportW(), config.supportH(), k, false,
                    config.sixteenBit()), surface(config.supportW(), config.supportH(), k, true, false)));
        }
        return SupportSet.of(examples);
    }

    /**
     * A noisy grey surface with a bright horizontal scratch across the middle, or that scratch's mask; 16-bit surfaces
     * hold 12-bit camera data.
     */
    private static BufferedImage surface(int w, int h, long seed, boolean mask, boolean sixteenBit) {
        BufferedImage img = new BufferedImage(w, h, sixteenBit
                ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        Random rnd = new Random(seed);
        int scale = sixteenBit ? 16 : 1;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean defect = Math.abs(y - h / 2) < Math.max(2, h / 40) && x > w / 5 && x < 4 * w / 5;
                row[x] = mask ? (defect ? 255 : 0) : scale * (defect ? 200 + rnd.nextInt(40) : 70 + rnd.nextInt(50));
            }
            img.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        return img;
    }

    /** Peak resident memory of this process (VmHWM), MiB. */
    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** CPU model and core count, from /proc/cpuinfo. */
    static String machine() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            model = "unknown CPU (" + e.getMessage() + ")";
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
