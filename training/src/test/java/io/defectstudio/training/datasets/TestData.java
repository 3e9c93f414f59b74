package io.defectstudio.training.datasets;

import io.defectstudio.training.datasets.io.MaskImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Small generated images and masks for format tests. */
final class TestData {
    private TestData() {
    }

    static Path greyImage(Path file, int width, int height, int seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x * 7 + y * 13 + seed * 31) & 0xff);
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        }
        return file;
    }

    /** A mask with a filled rectangle [x0, x1) x [y0, y1). */
    static BufferedImage rectMask(int width, int height, int x0, int y0, int x1, int y1) {
        BufferedImage mask = MaskImages.empty(width, height);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        return mask;
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        }
    }

    static DatasetItem item(String className, Path image, BufferedImage mask, Provenance provenance) {
        return new DatasetItem(className, image.getFileName().toString(), image, () -> mask, provenance);
    }

    /** Masks keyed by class and image content, the identity a round trip must keep. */
    static Map<String, BufferedImage> masksByClassAndImage(List<DatasetItem> items) throws IOException {
        Map<String, BufferedImage> out = new HashMap<>();
        for (DatasetItem item : items) {
            String key = item.className() + "/" + io.defectstudio.training.datasets.io.Sha256.of(item.imageFile());
            if (out.put(key, item.mask().load()) != null) {
                throw new IllegalStateException("two masks for " + key);
            }
        }
        return out;
    }

    static List<String> tree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
