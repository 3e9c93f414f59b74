package io.defectstudio.app.review;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import io.defectstudio.storage.reviews.ReviewDecision;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A real project on disk with three inspected parts: a predicted scratch (two blobs), a corrected pit (one blob)
 * and a scratch the inspector flagged.
 */
final class ReviewProjectFixture {
    static final int W = 40;
    static final int H = 25;

    final Path folder;
    long scratch;
    long pit;
    long predicted;
    long corrected;
    long flagged;

    ReviewProjectFixture(Path temp) throws IOException {
        folder = temp.resolve("project");
        try (Project p = Project.create(folder, "review test")) {
            scratch = p.classes().create("scratch", "#ff0000", "").id();
            pit = p.classes().create("pit", "#00ff00", "").id();
            predicted = importImage(p, temp, "a.png", 1);
            corrected = importImage(p, temp, "b.png", 2);
            flagged = importImage(p, temp, "c.png", 3);
            p.predictions().save(predicted, scratch, "lerenet-7", blobs(new int[][] {{0, 0, 4, 5}, {20, 10, 10, 2}}),
                    0.83, 12);
            p.predictions().save(corrected, pit, "lerenet-7", blobs(new int[][] {{5, 5, 2, 2}}), 0.41, 12);
            p.annotations().save(corrected, pit, AnnotationKind.CORRECTION, "ines", blobs(new int[][] {{5, 5, 5, 5}}));
            p.reviews().record(flagged, scratch, ReviewDecision.RELABEL, "olaf", "flagged");
        }
    }

    private static long importImage(Project p, Path temp, String name, int seed) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.getRaster().setSample(x, y, 0, (x * 7 + y * 13 * seed) & 0xff);
            }
        }
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(img, "png", out);
        }
        return p.images().importFile(file).image().id();
    }

    /** A mask with filled rectangles {x, y, w, h}. */
    static BufferedImage blobs(int[][] rects) {
        BufferedImage m = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int[] r : rects) {
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    m.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        return m;
    }
}
