package io.defectstudio.app.models;

import io.defectstudio.storage.Project;
import io.defectstudio.storage.annotations.AnnotationKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** A real project with small synthetic parts: per class, a textured tile with one bright blob and its mask. */
public final class TrainingProjects {
    public static final int SIZE = 32;

    private TrainingProjects() {
    }

    /** Creates the project with {@code perClass} corrected masks for each of "scratch" (wide) and "pit" (round). */
    public static Path create(Path temp, int perClass) throws IOException {
        Path folder = temp.resolve("project");
        SplittableRandom random = new SplittableRandom(7);
        try (Project p = Project.create(folder, "training test")) {
            long scratch = p.classes().create("scratch", "#ff0000", "").id();
            long pit = p.classes().create("pit", "#00ff00", "").id();
            for (int i = 0; i < 2 * perClass; i++) {
                boolean wide = i % 2 == 0;
                int bw = wide ? 14 : 6;
                int bh = wide ? 4 : 6;
                int x0 = 2 + random.nextInt(SIZE - bw - 4);
                int y0 = 2 + random.nextInt(SIZE - bh - 4);
                BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                BufferedImage mask = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        boolean defect = x >= x0 && x < x0 + bw && y >= y0 && y < y0 + bh;
                        img.getRaster().setSample(x, y, 0, defect ? 220 : 60 + random.nextInt(40));
                        mask.getRaster().setSample(x, y, 0, defect ? 255 : 0);
                    }
                }
                Path file = temp.resolve("part" + i + ".png");
                try (OutputStream out = Files.newOutputStream(file)) {
                    ImageIO.write(img, "png", out);
                }
                long image = p.images().importFile(file).image().id();
                p.annotations().save(image, wide ? scratch : pit, AnnotationKind.CORRECTION, "ines", mask);
            }
        }
        return folder;
    }
}
