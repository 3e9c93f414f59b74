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
        List<String> classes,
        String weightsSha256) {}
