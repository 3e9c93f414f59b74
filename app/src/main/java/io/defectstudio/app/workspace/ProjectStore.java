package io.defectstudio.app.workspace;

import io.defectstudio.inference.ProbabilityMap;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the workstation needs from a project, in its own terms. {@code StorageProjectStore} implements it over the
 * storage module's {@code Project}; all methods do I/O and must be called off the JavaFX thread, writes only from the
 * writer executor.
 */
public interface ProjectStore extends AutoCloseable {
    /** A defect class. */
    record ClassInfo(long id, String name, String colourHex) {
        public int rgb() {
            return Integer.parseInt(colourHex.replace("#", ""), 16);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An image of the project. */
    record ImageInfo(long id, String name, int width, int height) {
    }

    /** The role of a stored mask version. */
    enum MaskKind { SUPPORT, CORRECTION, ACCEPTED }

    /** The latest stored mask of an image and class, and the person who saved it. */
    record StoredMask(long annotationId, MaskKind kind, int version, String person) {
    }

    /**
     * A change some station committed to a shared project.
     *
     * @param table   what changed: {@code annotation}, {@code review}, {@code prediction}, {@code image}, ...
     * @param imageId the image it concerns, or null
     * @param classId the defect class it concerns, or null
     * @param ours    whether this store wrote it itself
     */
    record Change(String table, Long imageId, Long classId, boolean ours) {
    }

    /**
     * The latest stored prediction of an image and class.
     *
     * @param peak its highest defect probability; NaN for a prediction stored without its probability map
     */
    record StoredPrediction(long predictionId, double confidence, long defectPixels, double peak) {

        /** Whether it paints anything at {@code threshold}; without a stored map, whether it painted at all. */
        public boolean paintsAt(double threshold) {
            return Double.isNaN(peak) ? defectPixels > 0 : peak >= threshold;
        }
    }

    /** What the queue shows of every image, read at once: the newest mask, prediction and decision per image/class. */
    record Facts(Map<Key, StoredMask> masks, Map<Key, StoredPrediction> predictions, Map<Key, Decision> decisions) {
        /** An image and a defect class. */
        public record Key(long imageId, long classId) {
        }
    }

    /** The inspector's decision on an image. */
    enum Decision { ACCEPTED, FLAGGED }

    /** Outcome of importing one file: the image, and whether it was already in the project. */
    record Imported(ImageInfo image, boolean duplicate) {
    }

    String name();

    Path folder();

    List<ClassInfo> classes();

    ClassInfo createClass(String name, String colourHex);

    void renameClass(long classId, String name);

    void recolourClass(long classId, String colourHex);

    List<ImageInfo> images();

    BufferedImage readImage(long imageId);

    /** Imports one file; throws a typed exception (with a readable message) for a file that is not a usable image. */
    Imported importImage(Path file);

    Optional<StoredMask> latestMask(long imageId, long classId);

    BufferedImage readMask(long annotationId);

    StoredMask saveMask(long imageId, long classId, MaskKind kind, BufferedImage mask);

    /** Takes back the mask versions after {@code keepVersion} (0: all), as if they had never been saved. */
    void retractMasks(long imageId, long classId, int keepVersion);

    Optional<StoredPrediction> latestPrediction(long imageId, long classId);

    BufferedImage readPrediction(long predictionId);

    /** The probabilities a prediction's mask was cut from, if they were stored with it. */
    Optional<ProbabilityMap> readProbability(long predictionId);

    /** Stores a model's result for an image and class, with its probability map. */
    void savePrediction(long imageId, long classId, String modelVersion, SegmentationPort.Result result);

    void recordDecision(long imageId, long classId, Decision decision);

    Optional<Decision> latestDecision(long imageId, long classId);

    /** The newest mask, prediction and decision of every image and class, in a few reads rather than three each. */
    Facts facts();

    /** The bundle of the project's active model, if one is registered and active. */
    Optional<Path> activeModelBundle();

    /** Whether several stations share this project (on a database server). */
    default boolean shared() {
        return false;
    }

    /** The person this store records as the author of masks and decisions. */
    default String person() {
        return "";
    }

    /** This station's name in a shared project: who the others see holding an image. */
    default String station() {
        return "";
    }

    /**
     * Calls {@code onChange} (on a background thread) for every change a station commits, and {@code onConnection}
     * when the connection to the server is lost (false) or back (true). Close the result to stop. A single station's
     * project never calls them.
     */
    default AutoCloseable watch(Consumer<Change> onChange, Consumer<Boolean> onConnection) {
        return () -> { };
    }

    /** Claims an image for this station while it is on screen; returns the station that holds it already, if any. */
    default Optional<String> claim(long imageId, long classId) {
        return Optional.empty();
    }

    /** Gives up this station's claim on an image. */
    default void release(long imageId, long classId) {
    }

    /** The images of a class other stations hold right now, with the station that holds each. */
    default Map<Long, String> heldByOthers(long classId) {
        return Map.of();
    }

    @Override
    void close();
}
