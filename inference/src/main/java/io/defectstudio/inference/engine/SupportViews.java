package io.defectstudio.inference.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * More views of a few painted shots: each support crop with its mirror images and transposes, which the matcher
 * treats as further shots. A scratch, crack or pit mirrored or turned by 90 degrees is still that defect on that
 * surface, and a single shot shows it in one orientation only. On the Defect-8i development subsets four views of a
 * single shot lifted the matcher from 27.80 to 30.87 mIoU, and two views of each of five shots from 40.45 to 42.0
 * (docs/benchmarks.md).
 *
 * <p>With a budget of {@code views > 1}, a set of {@code K} shots gets {@code max(2, views / K)} views per shot: a
 * single shot all of them, several shots at least their left-right mirror image, so the matching cost (linear in
 * the crops) stays bounded. The views come in this order: the crop, mirrored left-right, mirrored top-bottom,
 * transposed, turned by 180 degrees, then the transposes of the three mirror images. Transposes need square crops and
 * are left out otherwise.
 */
final class SupportViews {

    /** Crops are {@code (C, H, W)}: axis 1 is rows, axis 2 columns. */
    private static final List<UnaryOperator<NDArray>> ORDER = List.of(
            x -> x,
            x -> x.flip(2),
            x -> x.flip(1),
            x -> x.transpose(0, 2, 1),
            x -> x.flip(1, 2),
            x -> x.flip(2).transpose(0, 2, 1),
            x -> x.flip(1).transpose(0, 2, 1),
            x -> x.flip(1, 2).transpose(0, 2, 1));

    private static final List<UnaryOperator<NDArray>> MIRRORS = List.of(ORDER.get(0), ORDER.get(1), ORDER.get(2),
            ORDER.get(4));

    private SupportViews() {
    }

    /** Views per shot for a budget of {@code views} crops and {@code shots} shots. */
    static int perShot(int views, int shots) {
        return views <= 1 ? 1 : Math.max(2, views / shots);
    }

    /** Aligned support crops: images {@code (C, H, W)} and their masks {@code (1, H, W)}. */
    record Crops(NDList images, NDList masks) {
    }

    /** The first {@code count} views of each crop, shot by shot. */
    static Crops of(Crops shots, int count) {
        NDList images = shots.images();
        NDList masks = shots.masks();
        NDList viewImages = new NDList();
        NDList viewMasks = new NDList();
        for (int i = 0; i < images.size(); i++) {
            NDArray image = images.get(i);
            long[] shape = image.getShape().getShape();
            List<UnaryOperator<NDArray>> ops = shape[1] == shape[2] ? ORDER : MIRRORS;
            for (UnaryOperator<NDArray> op : ops.subList(0, Math.min(count, ops.size()))) {
                viewImages.add(op.apply(image));
                viewMasks.add(op.apply(masks.get(i)));
            }
        }
        return new Crops(viewImages, viewMasks);
    }
}
