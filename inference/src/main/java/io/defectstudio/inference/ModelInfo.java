package io.defectstudio.inference;

import java.util.List;

/**
 * What a segmenter runs: read from the bundle's manifest.
 *
 * @param name model name
 * @param version model version
 * @param architecture {@code lerenet}, {@code eamnet}, {@code baseline} or {@code matcher}
 * @param backbone e.g. {@code resnet18}
 * @param inputWidth network input width in pixels
 * @param inputHeight network input height in pixels
 * @param detail the working scale: the longer side, in pixels, that a larger image is shrunk to before it is cut
 *     into tiles of the input size
 * @param threshold the probability at or above which the model calls a pixel defect
 * @param classes defect classes the model was trained on
 * @param weightsSha256 checksum of the weights, a stable model identity for stored predictions
 */
public record ModelInfo(
        String name,
        String version,
        String architecture,
        String backbone,
        int inputWidth,
        int inputHeight,
        int detail,
        double threshold,
        List<String> classes,
        String weightsSha256) {}
