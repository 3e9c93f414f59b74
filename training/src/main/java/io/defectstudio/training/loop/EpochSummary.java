package io.defectstudio.training.loop;

/**
 * The result of one epoch's validation.
 *
 * @param epoch 1-based epoch number
 * @param step steps done at the end of the epoch
 * @param meanLoss mean training loss over the epoch's steps
 * @param validationIou validation mIoU (held-out images of the training classes)
 * @param best whether this epoch's parameters are the best so far (and were saved as such)
 */
public record EpochSummary(String phase, int epoch, long step, double meanLoss, double validationIou, boolean best) {
}
