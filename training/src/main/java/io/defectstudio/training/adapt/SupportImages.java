package io.defectstudio.training.adapt;

import io.defectstudio.inference.SupportExample;
import io.defectstudio.training.episodes.MemorySample;
import io.defectstudio.training.episodes.Sample;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Support examples as tuning samples, no larger than the network input. Tuning warps every image twice a step, so
 * for camera-size images the warps at full size would cost more than the network; the network only sees the input
 * size anyway.
 */
final class SupportImages {

    private SupportImages() {
    }

    static Sample sample(int index, SupportExample example, int width, int height) {
        String id = "support " + (index + 1);
        BufferedImage image = example.image();
        if (image.getWidth() <= width && image.getHeight() <= height) {
            return new MemorySample(id, image, example.mask());
        }
        return new MemorySample(id, scale(image, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR),
                scale(example.mask(), width, height, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR));
    }

    private static BufferedImage scale(BufferedImage source, int width, int height, Object interpolation) {
        int type = switch (source.getType()) {
            case BufferedImage.TYPE_CUSTOM, BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED ->
                    BufferedImage.TYPE_INT_RGB;
            default -> source.getType();
        };
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }
}
