package io.defectstudio.training.backbone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a pre-training run.
 *
 * @param weights the safetensors file of the best backbone
 * @param bestValidationIou best held-out mIoU of the class-agnostic defect segmentation
 * @param losses the loss of every step
 * @param wallTime time spent in this process (a resumed run counts only its own part)
 */
public record PretrainResult(
        Path weights, double bestValidationIou, long bestStep, List<Float> losses, Duration wallTime) {
}
