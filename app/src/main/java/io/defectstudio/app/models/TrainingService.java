package io.defectstudio.app.models;

import com.google.gson.JsonObject;
import io.defectstudio.inference.bundle.ModelBundle;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.models.ModelRecord;
import io.defectstudio.storage.training.TrainingRun;
import io.defectstudio.storage.training.TrainingStatus;
import io.defectstudio.training.backbone.BackboneWeights;
import io.defectstudio.training.episodes.EpisodeSource;
import io.defectstudio.training.episodes.FoldSplit;
import io.defectstudio.training.episodes.FoldedSource;
import io.defectstudio.training.episodes.ProjectEpisodeSource;
import io.defectstudio.training.loop.EpochSummary;
import io.defectstudio.training.loop.StepProgress;
import io.defectstudio.training.loop.TrainingListener;
import io.defectstudio.training.train.MetaTrainer;
import io.defectstudio.training.train.TrainingConfig;
import io.defectstudio.training.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs meta-training for a project in the background, one run at a time, so the inspector keeps labelling. Each run
 * is recorded in the project's training runs (status, progress, checkpoint, per-epoch loss and validation mIoU) and
 * trains in {@code <project>/training/run-<id>/}. A finished run's bundle goes to {@code <project>/models/} and is
 * registered as a new, inactive model version: activating it is the user's decision after comparing. A cancelled or
 * failed run registers nothing, so the active model stays as it was. A run left RUNNING by a crash or a closed app
 * resumes from its last checkpoint with {@link #resumeInterrupted}.
 */
public final class TrainingService implements AutoCloseable {
    /** How often progress is written to the database: every step would be a write per few hundred ms. */
    private static final long PROGRESS_WRITE_MILLIS = 1000;

    private final Project project;
    private final Supplier<Optional<Path>> shippedBundle;
    private final Executor writer;
    private final ExecutorService executor;
    private final Map<Long, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();

    public TrainingService(Project project) {
        this(project, Optional::empty, Runnable::run);
    }

    /**
     * @param shippedBundle the model shipped with the application: "from the active model" starts from it while no
     *                      version of the project is active
     * @param writer        where the run's database writes go: the workstation's single writer thread (the run
     *                      waits for each), or {@code Runnable::run} to write on the calling thread
     */
    public TrainingService(Project project, Supplier<Optional<Path>> shippedBundle, Executor writer) {
        this.project = project;
        this.shippedBundle = shippedBundle;
        this.writer = writer;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ds-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Records a new run and queues it; returns the run and a future that ends with the run. */
    public Started start(TrainingRequest request, TrainingObserver observer) {
        checkData(request);
        TrainingRun run = write(() -> project.trainingRuns().create(request.toJson()));
        return new Started(run, submit(run.id(), request, observer));
    }

    /** A queued run: its stored record and the background job. */
    public record Started(TrainingRun run, Future<Optional<ModelRecord>> done) {
    }

    /** Resumes every run a crash or shutdown left PENDING or RUNNING, oldest first. */
    public List<Started> resumeInterrupted(TrainingObserver observer) {
        List<Started> resumed = new ArrayList<>();
        for (TrainingRun run : project.trainingRuns().list()) {
            if (!run.status().isFinished()) {
                TrainingRequest request = TrainingRequest.fromJson(run.configJson());
                resumed.add(new Started(run, submit(run.id(), request, observer)));
            }
        }
        return resumed;
    }

    /** Asks a run to stop at its next step; its checkpoint stays, nothing is registered. */
    public void cancel(long runId) {
        AtomicBoolean flag = cancelFlags.get(runId);
        if (flag != null) {
            flag.set(true);
        }
    }

    /** Runs a database write on the writer and waits for it; its failure is rethrown here. */
    private <T> T write(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, writer).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Future<Optional<ModelRecord>> submit(long runId, TrainingRequest request, TrainingObserver observer) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlags.put(runId, cancelled);
        return executor.submit(() -> {
            try {
                return Optional.of(train(runId, request, observer, cancelled));
            } catch (RunCancelled e) {
                if (closing.get()) {
                    // Stopped by closing the app: the run stays RUNNING and resumes from its checkpoint next time.
                    return Optional.empty();
                }
                write(() -> project.trainingRuns().finish(runId, TrainingStatus.CANCELLED));
                observer.onCancelled(runId);
                return Optional.empty();
            } catch (RuntimeException | IOException | Error e) {
                write(() -> project.trainingRuns().finish(runId, TrainingStatus.FAILED));
                observer.onFailed(runId, e);
                return Optional.empty();
            } finally {
                cancelFlags.remove(runId);
            }
        });
    }

    private ModelRecord train(long runId, TrainingRequest request, TrainingObserver observer, AtomicBoolean cancelled)
            throws IOException {
        Path runDir = project.folder().resolve("training").resolve("run-" + runId);
        Files.createDirectories(runDir);
        String name = String.format(Locale.ROOT, "%s-%s-run%d", request.architecture(), request.backbone(), runId);
        Path bundle = project.folder().resolve("models").resolve(name);
        Files.createDirectories(bundle.getParent());
        Path backboneWeights = request.fromActiveModel() ? activeBackbone(request, runDir) : null;
        TrainingConfig config = TrainingConfig.builder(request.architecture(), request.backbone(),
                        runDir.resolve("ckpt"), bundle)
                .backboneWeights(backboneWeights)
                .inputSize(request.inputSize())
                .shots(request.shots())
                .batchSize(request.batchSize())
                .steps(request.totalSteps())
                .stepsPerEpoch(request.stepsPerEpoch())
                .checkpointEvery(request.stepsPerEpoch())
                .validationEpisodes(validationEpisodes(request))
                .seed(request.seed())
                .modelName(name)
                .build();
        Data data = data(request);
        write(() -> project.trainingRuns().updateProgress(runId, TrainingStatus.RUNNING, 0, null));
        TrainingResult result = MetaTrainer.run(config, data.source(), data.split(),
                new Recorder(runId, request.totalSteps(), observer, cancelled));
        JsonObject metrics = new JsonObject();
        metrics.addProperty("validation_mIoU", result.bestValidationIou());
        metrics.addProperty("best_step", result.bestStep());
        metrics.addProperty("training_run", runId);
        metrics.addProperty("classes", String.join(",", data.split().trainClasses()));
        ModelRecord model = write(() -> {
            ModelRecord registered = project.models().register(name, result.bundle(), request.architecture(),
                    metrics.toString());
            project.trainingRuns().updateProgress(runId, TrainingStatus.RUNNING, 1, null);
            project.trainingRuns().finish(runId, TrainingStatus.COMPLETED);
            return registered;
        });
        observer.onCompleted(runId, model);
        return model;
    }

    private record Data(EpisodeSource source, FoldSplit split) {
    }

    private Data data(TrainingRequest request) {
        List<EpisodeSource> sources = new ArrayList<>();
        List<String> classes = new ArrayList<>(request.classes());
        if (!request.classes().isEmpty()) {
            sources.add(new ProjectEpisodeSource(project, request.classes()));
        }
        if (request.benchmarkFolder() != null) {
            FoldedSource bench = FoldedSource.open(request.benchmarkFolder(), request.benchmarkFold());
            sources.add(bench.source());
            bench.split().trainClasses().stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        }
        return new Data(new CombinedEpisodeSource(sources), new FoldSplit(request.benchmarkFold(), classes,
                List.of()));
    }

    /** How many accepted or corrected masks a class needs for K-shot training: every fifth is held out. */
    public static int masksNeeded(int shots) {
        return 5 * shots + 1;
    }

    /** The accepted and corrected masks each class has for training, by class name (slow: reads every mask). */
    public Map<String, Integer> usableMasks(List<String> classes) {
        ProjectEpisodeSource source = new ProjectEpisodeSource(project, classes);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : classes) {
            counts.put(c, source.samples(c).size());
        }
        return counts;
    }

    private void checkData(TrainingRequest request) {
        if (request.classes().isEmpty()) {
            return;
        }
        int needed = masksNeeded(request.shots());
        usableMasks(request.classes()).forEach((c, n) -> {
            if (n < needed) {
                throw new IllegalArgumentException("Class " + c + " has " + n + " accepted or corrected masks; "
                        + request.shots() + "-shot training needs at least " + needed
                        + " (every fifth is held out for validation)");
            }
        });
    }

    private static int validationEpisodes(TrainingRequest request) {
        return Math.max(2, Math.min(20, 2 * request.classes().size() + 2));
    }

    /**
     * The active model's backbone as pre-trained weights for a new run (the shipped model's while no version is
     * active): same backbone family required.
     */
    private Path activeBackbone(TrainingRequest request, Path runDir) {
        Optional<ModelRecord> active = project.models().active();
        Path bundlePath = active.map(ModelRecord::bundlePath).or(shippedBundle).orElseThrow(() ->
                new IllegalArgumentException("No active model and no shipped model to start from; choose"
                        + " 'from scratch'"));
        String name = active.map(ModelRecord::name).orElse("shipped model");
        ModelBundle bundle = ModelBundle.load(bundlePath);
        String backbone = bundle.manifest().backbone();
        if (!backbone.equals(request.backbone())) {
            throw new IllegalArgumentException("The " + (active.isPresent() ? "active model " : "") + name + " has a "
                    + backbone + " backbone, not " + request.backbone() + "; choose " + backbone
                    + " or 'from scratch'");
        }
        Path weights = runDir.resolve("start-backbone.safetensors");
        BackboneWeights.saveFromBundle(bundle, weights);
        return weights;
    }

    /** Writes progress and epochs to the run record, forwards them, and stops the loop when cancelled. */
    private final class Recorder implements TrainingListener {
        private final long runId;
        private final long totalSteps;
        private final TrainingObserver observer;
        private final AtomicBoolean cancelled;
        private long lastWrite;

        Recorder(long runId, long totalSteps, TrainingObserver observer, AtomicBoolean cancelled) {
            this.runId = runId;
            this.totalSteps = totalSteps;
            this.observer = observer;
            this.cancelled = cancelled;
        }

        @Override
        public void onStep(StepProgress p) {
            observer.onStep(runId, p.step(), p.totalSteps(), p.loss(), p.remaining());
            long now = System.currentTimeMillis();
            if (now - lastWrite >= PROGRESS_WRITE_MILLIS) {
                lastWrite = now;
                write(() -> project.trainingRuns().updateProgress(runId, TrainingStatus.RUNNING,
                        Math.min(1, p.fraction()), null));
            }
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw new RunCancelled();
            }
        }

        @Override
        public void onEpoch(EpochSummary s) {
            JsonObject m = new JsonObject();
            m.addProperty("step", s.step());
            m.addProperty("loss", s.meanLoss());
            m.addProperty("validation_mIoU", s.validationIou());
            m.addProperty("best", s.best());
            write(() -> project.trainingRuns().addEpochMetrics(runId, s.epoch(), m.toString()));
            observer.onEpoch(runId, s.epoch(), s.meanLoss(), s.validationIou());
        }

        @Override
        public void onCheckpoint(String phase, long step, Path file) {
            write(() -> project.trainingRuns().updateProgress(runId, TrainingStatus.RUNNING, (double) step / totalSteps,
                    file));
        }

        @Override
        public void onResume(String phase, long step) {
            observer.onResumed(runId, step);
        }

        @Override
        public void onCalibration(int done, int total) {
            observer.onCalibrating(runId, done, total);
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw new RunCancelled();
            }
        }
    }

    /** Thrown from the listener to leave the training loop; the last checkpoint stays on disk. */
    private static final class RunCancelled extends CancellationException {
        RunCancelled() {
            super("training cancelled");
        }
    }

    /** True while a run is queued or training. */
    public boolean isBusy() {
        return !cancelFlags.isEmpty();
    }

    /**
     * Stops a running run at its next step without cancelling it (it resumes from its checkpoint when the project
     * is opened again) and waits for the training thread, so the project can be closed after this returns.
     */
    @Override
    public void close() {
        closing.set(true);
        cancelFlags.values().forEach(f -> f.set(true));
        executor.shutdown();
        try {
            executor.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
