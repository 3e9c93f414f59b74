package io.defectstudio.training.episodes;

import io.defectstudio.inference.SupportExample;
import io.defectstudio.inference.SupportSet;
import java.awt.image.BufferedImage;
import java.util.List;

/** One annotated image of a defect class (or a defect-free image, whose mask is all background). */
public interface Sample {

    /** A stable identifier (a relative path or a database id), used in logs and to keep query and supports apart. */
    String id();

    /** The image as decoded (8-bit grey, 16-bit grey or RGB). */
    BufferedImage image();

    /** The mask, {@code TYPE_BYTE_GRAY}, same size as the image; defect where the value is >= 128. */
    BufferedImage mask();

    /** Samples as a segmenter's support set, in order (checked by {@link SupportSet#of}). */
    static SupportSet supportSet(List<? extends Sample> samples) {
        return SupportSet.of(samples.stream().map(s -> new SupportExample(s.image(), s.mask())).toList());
    }
}
