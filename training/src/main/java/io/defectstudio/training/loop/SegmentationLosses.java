package io.defectstudio.training.loop;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/** The losses of the methods: BCE on logits (LERENet Eq. 6) and EAMNet's attention-distillation term. */
public final class SegmentationLosses {

    /** EAMNet's weight alpha of the AD term. */
    public static final float AD_WEIGHT = 0.05f;

    private SegmentationLosses() {
    }

    /**
     * A network's episode loss: BCE on the query logits (first output), plus the soft Dice term and, when the network
     * returns an attention map as its second output (EAMNet), the attention-distillation term, each weighted.
     */
    public static NDArray episode(NDList outputs, NDArray queryMask, float diceWeight, float adWeight) {
        NDArray loss = bce(outputs.get(0), queryMask);
        if (diceWeight > 0) {
            loss = loss.add(dice(outputs.get(0), queryMask).mul(diceWeight));
        }
        if (adWeight > 0 && outputs.size() > 1) {
            loss = loss.add(attentionDistillation(outputs.get(1), queryMask).mul(adWeight));
        }
        return loss;
    }

    /** Mean binary cross-entropy of logits against {0,1} targets, in the stable form max(x,0) - x*y + log(1+e^-|x|). */
    public static NDArray bce(NDArray logits, NDArray targets) {
        NDArray positive = Activation.relu(logits);
        NDArray softplus = logits.abs().neg().exp().add(1).log();
        return positive.sub(logits.mul(targets)).add(softplus).mean();
    }

    /**
     * Soft Dice loss on the foreground, 1 - (2 sum(p y) + 1) / (sum(p) + sum(y) + 1) per image, averaged over the
     * batch. It weighs a defect by its own area, so a tiny defect counts as much as a large one.
     */
    public static NDArray dice(NDArray logits, NDArray targets) {
        long batch = logits.getShape().get(0);
        NDArray p = logits.getNDArrayInternal().sigmoid().reshape(batch, -1);
        NDArray y = targets.reshape(batch, -1);
        NDArray overlap = p.mul(y).sum(new int[] {1}).mul(2f).add(1f);
        NDArray total = p.sum(new int[] {1}).add(y.sum(new int[] {1})).add(1f);
        return overlap.div(total).neg().add(1f).mean();
    }

    /**
     * KL(P_gt || P_att), where P_gt is the spatial softmax of the ground truth downsampled to the attention map's
     * size and P_att the spatial softmax of the attention map (EAMNet's AD loss), averaged over the batch.
     *
     * @param attention (B,1,h,w) or (B,h,w) attention logits
     * @param mask (B,1,H,W) ground truth in {0,1}
     */
    public static NDArray attentionDistillation(NDArray attention, NDArray mask) {
        Shape shape = attention.getShape();
        long batch = shape.get(0);
        long h = shape.get(shape.dimension() - 2);
        long w = shape.get(shape.dimension() - 1);
        NDArray small = mask.getNDArrayInternal().interpolation(new long[] {h, w},
                Image.Interpolation.BILINEAR.ordinal(), false);
        NDArray target = small.reshape(batch, h * w).logSoftmax(1);
        NDArray predicted = attention.reshape(batch, h * w).logSoftmax(1);
        return target.exp().mul(target.sub(predicted)).sum(new int[] {1}).mean();
    }
}
