package io.defectstudio.inference;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Few-shot segmentation of query images against an annotated support set.
 *
 * <pre>{@code
 * try (Segmenter s = DjlSegmenter.open(ModelBundle.load(path), InferenceOptions.of(DeviceChoice.AUTO));
 *      PreparedSupport support = s.prepare(SupportSet.of(new SupportExample(image, mask)))) {
 *     Segmentation r = s.segment(support, query);
 * }
 * }</pre>
 *
 * Implementations are thread-safe: several threads may segment against the same prepared support at once. The
 * engine's {@code DjlSegmenter} opens a bundle; {@code training.adapt.BundleOpener} opens it as its manifest says
 * (tuned to each support set, with its threshold rule).
 */
public interface Segmenter extends AutoCloseable {

    /**
     * Encodes a support set once; masks were checked by {@link SupportSet#of} (which throws {@link
     * InvalidInputException} for an empty mask or one whose size differs from its image's).
     */
    PreparedSupport prepare(SupportSet support);

    /** Segments one query; the result is at the query's original size. */
    Segmentation segment(PreparedSupport support, BufferedImage query);

    /** Segments several queries in one network pass; results are in query order. */
    List<Segmentation> segmentBatch(PreparedSupport support, List<BufferedImage> queries);

    ModelInfo model();

    /** The device in use, e.g. {@code cpu()} or {@code gpu(0)}. */
    String device();

    @Override
    void close();
}
