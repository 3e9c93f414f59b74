package io.defectstudio.app.workspace;

import io.defectstudio.inference.ProbabilityMap;
import io.defectstudio.storage.Project;
import io.defectstudio.storage.ProjectOptions;
import io.defectstudio.storage.StorageException;
import io.defectstudio.storage.annotations.Annotation;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.claims.ImageClaim;
import io.defectstudio.storage.images.ImageRecord;
import io.defectstudio.storage.images.ImportResult;
import io.defectstudio.storage.predictions.Prediction;
import io.defectstudio.storage.reviews.Review;
import io.defectstudio.storage.reviews.ReviewDecision;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * {@link ProjectStore} over a storage {@link Project}, writing as one person: every mask and decision records their
 * name. Storage knows support, correction and imported masks; a prediction accepted unchanged is stored as a
 * correction whose author is the person's name followed by {@value #ACCEPTED_SUFFIX}, so the queue can tell "accepted"
 * from "corrected". Flagging is the storage decision RELABEL; accepting is APPROVE.
 */
public final class StorageProjectStore implements ProjectStore {
    /** Who is recorded when no name was set, as before names were. */
    public static final String AUTHOR = "inspector";
    public static final String ACCEPTED_SUFFIX = "/accepted-prediction";

    private final Project project;
    private final String person;
    private final String station;

    public StorageProjectStore(Project project) {
        this(project, AUTHOR);
    }

    /** A store whose masks and decisions are recorded under {@code person} (blank: {@value #AUTHOR}). */
    public StorageProjectStore(Project project, String person) {
        this.project = project;
        this.person = person == null || person.isBlank() ? AUTHOR : person.strip();
        this.station = this.person + "@" + hostName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this station";
        }
    }

    public static StorageProjectStore open(Path folder) {
        return new StorageProjectStore(Project.open(folder));
    }

    public static StorageProjectStore open(Path folder, String person) {
        return new StorageProjectStore(Project.open(folder), person);
    }

    /** Opens a project with a database login (shared projects: the role, and a typed password or none). */
    public static StorageProjectStore open(Path folder, String person, ProjectOptions options) {
        return new StorageProjectStore(Project.open(folder, options), person);
    }

    /** Creates a shared project: images in {@code folder}, everything else in the database at {@code jdbcUrl}. */
    public static StorageProjectStore createShared(Path folder, String jdbcUrl, String name, String person,
                                                   ProjectOptions options) {
        return new StorageProjectStore(Project.createShared(folder, jdbcUrl, name, options), person);
    }

    public static StorageProjectStore create(Path folder, String name) {
        return new StorageProjectStore(Project.create(folder, name));
    }

    public static StorageProjectStore create(Path folder, String name, String person) {
        return new StorageProjectStore(Project.create(folder, name), person);
    }

    /** The person behind an author as stored: an accepted prediction is marked by {@link #ACCEPTED_SUFFIX}. */
    public static String person(String author) {
        return author.endsWith(ACCEPTED_SUFFIX) ? author.substring(0, author.length() - ACCEPTED_SUFFIX.length())
                : author;
    }

    public Project project() {
        return project;
    }

    @Override
    public String name() {
        return project.name();
    }

    @Override
    public Path folder() {
        return project.folder();
    }

    @Override
    public List<ClassInfo> classes() {
        return project.classes().list().stream().map(c -> new ClassInfo(c.id(), c.name(), c.colourHex())).toList();
    }

    @Override
    public ClassInfo createClass(String name, String colourHex) {
        var c = project.classes().create(name, colourHex, "");
        return new ClassInfo(c.id(), c.name(), c.colourHex());
    }

    @Override
    public void renameClass(long classId, String name) {
        project.classes().rename(classId, name);
    }

    @Override
    public void recolourClass(long classId, String colourHex) {
        project.classes().recolour(classId, colourHex);
    }

    @Override
    public List<ImageInfo> images() {
        return project.images().list().stream().map(StorageProjectStore::info).toList();
    }

    private static ImageInfo info(ImageRecord r) {
        String name = r.originalFileName() == null || r.originalFileName().isBlank()
                ? r.sha256().substring(0, 12) : r.originalFileName();
        return new ImageInfo(r.id(), name, r.width(), r.height());
    }

    @Override
    public BufferedImage readImage(long imageId) {
        return project.images().read(imageId);
    }

    @Override
    public Imported importImage(Path file) {
        ImportResult r = project.images().importFile(file);
        return new Imported(info(r.image()), r.duplicate());
    }

    @Override
    public Optional<StoredMask> latestMask(long imageId, long classId) {
        return project.annotations().latest(imageId, classId).map(StorageProjectStore::mask);
    }

    private static StoredMask mask(Annotation a) {
        MaskKind kind = switch (a.kind()) {
            case SUPPORT -> MaskKind.SUPPORT;
            case CORRECTION -> a.author().endsWith(ACCEPTED_SUFFIX) ? MaskKind.ACCEPTED : MaskKind.CORRECTION;
            case IMPORTED -> MaskKind.ACCEPTED;
        };
        return new StoredMask(a.id(), kind, a.version(), person(a.author()));
    }

    @Override
    public BufferedImage readMask(long annotationId) {
        return project.annotations().readMask(annotationId);
    }

    @Override
    public StoredMask saveMask(long imageId, long classId, MaskKind kind, BufferedImage mask) {
        AnnotationKind k = kind == MaskKind.SUPPORT ? AnnotationKind.SUPPORT : AnnotationKind.CORRECTION;
        String author = kind == MaskKind.ACCEPTED ? person + ACCEPTED_SUFFIX : person;
        return mask(project.annotations().save(imageId, classId, k, author, mask));
    }

    /**
     * Takes back this person's versions after {@code keepVersion}, under the write lock so that no station saves in
     * between; refused when another person saved one of them meanwhile, whose work must stay.
     */
    @Override
    public void retractMasks(long imageId, long classId, int keepVersion) {
        project.inTransaction(() -> {
            for (Annotation later : project.annotations().history(imageId, classId)) {
                if (later.version() > keepVersion && !person(later.author()).equals(person)) {
                    throw new StorageException(person(later.author()) + " saved version " + later.version()
                            + " of this image after the one you started from; undo cannot take back their work."
                            + " Paint the mask you want instead: every version stays in the history.");
                }
            }
            project.annotations().retractAfter(imageId, classId, keepVersion);
        });
    }

    @Override
    public Optional<StoredPrediction> latestPrediction(long imageId, long classId) {
        return project.predictions().latest(imageId, classId).map(StorageProjectStore::stored);
    }

    private static StoredPrediction stored(Prediction p) {
        return new StoredPrediction(p.id(), p.confidence(), p.defectPixels(), p.peak());
    }

    @Override
    public BufferedImage readPrediction(long predictionId) {
        return project.predictions().readMask(predictionId);
    }

    @Override
    public Optional<ProbabilityMap> readProbability(long predictionId) {
        Optional<BufferedImage> levels = project.predictions().readProbability(predictionId);
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        ImageRecord image = project.images().get(project.predictions().get(predictionId).imageId());
        return Optional.of(new ProbabilityMap(levels.get(), image.width(), image.height()));
    }

    @Override
    public void savePrediction(long imageId, long classId, String modelVersion, SegmentationPort.Result result) {
        ProbabilityMap map = result.probability();
        project.predictions().save(imageId, classId, modelVersion, result.mask(), result.confidence(),
                result.latencyMillis(), map == null ? null : map.levels(), map == null ? Double.NaN : map.peak());
    }

    @Override
    public void recordDecision(long imageId, long classId, Decision decision) {
        ReviewDecision d = decision == Decision.ACCEPTED ? ReviewDecision.APPROVE : ReviewDecision.RELABEL;
        project.reviews().record(imageId, classId, d, person, decision == Decision.FLAGGED ? "flagged" : "");
    }

    @Override
    public Optional<Decision> latestDecision(long imageId, long classId) {
        return project.reviews().latest(imageId, classId).map(Review::decision).map(StorageProjectStore::decision);
    }

    @Override
    public Facts facts() {
        Map<Facts.Key, StoredMask> masks = new HashMap<>();
        project.annotations().latestAll().forEach(a -> masks.put(new Facts.Key(a.imageId(), a.classId()), mask(a)));
        Map<Facts.Key, StoredPrediction> predictions = new HashMap<>();
        project.predictions().latestAll().forEach(p -> predictions.put(new Facts.Key(p.imageId(), p.classId()),
                stored(p)));
        // Reviews come oldest first: the last one of an image and class is its decision.
        Map<Facts.Key, Decision> decisions = new HashMap<>();
        project.reviews().list().forEach(r -> decisions.put(new Facts.Key(r.imageId(), r.classId()),
                decision(r.decision())));
        return new Facts(masks, predictions, decisions);
    }

    private static Decision decision(ReviewDecision d) {
        return d == ReviewDecision.APPROVE ? Decision.ACCEPTED : Decision.FLAGGED;
    }

    @Override
    public Optional<Path> activeModelBundle() {
        return project.models().active().map(m -> m.bundlePath());
    }

    @Override
    public boolean shared() {
        return project.isShared();
    }

    @Override
    public String person() {
        return person;
    }

    @Override
    public String station() {
        return station;
    }

    @Override
    public AutoCloseable watch(Consumer<Change> onChange, Consumer<Boolean> onConnection) {
        AutoCloseable changes = project.changes().subscribe(c -> onChange.accept(new Change(c.table(),
                c.imageId().orElse(null), c.classId().orElse(null), c.ours())));
        AutoCloseable connection = project.changes().watchConnection(onConnection);
        return () -> {
            changes.close();
            connection.close();
        };
    }

    @Override
    public Optional<String> claim(long imageId, long classId) {
        return project.isShared()
                ? project.claims().claim(imageId, classId, station).map(ImageClaim::station) : Optional.empty();
    }

    @Override
    public void release(long imageId, long classId) {
        if (project.isShared()) {
            project.claims().release(imageId, classId, station);
        }
    }

    @Override
    public Map<Long, String> heldByOthers(long classId) {
        if (!project.isShared()) {
            return Map.of();
        }
        Map<Long, String> held = new HashMap<>();
        for (ImageClaim claim : project.claims().heldByOthers(station)) {
            if (claim.classId() == classId) {
                held.put(claim.imageId(), claim.station());
            }
        }
        return held;
    }

    @Override
    public void close() {
        if (project.isShared()) {
            try {
                project.claims().releaseAll(station);
            } catch (StorageException e) {
                // The server is away: the claims lapse by themselves after their lease.
                LoggerFactory.getLogger(StorageProjectStore.class).warn("cannot release this station's images", e);
            }
        }
        project.close();
    }
}
