package io.defectstudio.training.testdata;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes tiny synthetic data sets in the project's folder layouts: grey noise images with a bright (or dark) blob,
 * and the blob's mask. Each class has its own blob shape so that classes differ.
 */
public final class SyntheticData {

    public static final List<String> TILE_CLASSES = List.of("MT_Blowhole", "MT_Break", "MT_Crack", "MT_Fray",
            "MT_Uneven");
    public static final List<String> STEEL_CLASSES = List.of("In", "Pa", "Sc");

    private SyntheticData() {
    }

    /** The Defect-8i layout (magnetic-tile + SD-saliency-900) with {@code perClass} images per class. */
    public static void writeDefect8i(Path dataDir, int perClass, int size, long seed) throws IOException {
        Random random = new Random(seed);
        for (int c = 0; c < TILE_CLASSES.size(); c++) {
            Path imgs = Files.createDirectories(dataDir.resolve("magnetic-tile").resolve(TILE_CLASSES.get(c))
                    .resolve("Imgs"));
            for (int i = 0; i < perClass; i++) {
                // Non-square, varying sizes as in the real tiles.
                Pair pair = pair(random, size + 4 * (i % 3), size, c);
                write(pair.image, imgs.resolve("exp_" + i + ".jpg"), "jpg");
                write(pair.mask, imgs.resolve("exp_" + i + ".png"), "png");
            }
        }
        Path free = Files.createDirectories(dataDir.resolve("magnetic-tile/MT_Free/Imgs"));
        for (int i = 0; i < perClass; i++) {
            Pair pair = pair(random, size, size, -1);
            write(pair.image, free.resolve("free_" + i + ".jpg"), "jpg");
            write(pair.mask, free.resolve("free_" + i + ".png"), "png");
        }
        Path steel = dataDir.resolve("sd-saliency-900/SD-saliency-900");
        Path images = Files.createDirectories(steel.resolve("Source Images"));
        Path truth = Files.createDirectories(steel.resolve("Ground truth"));
        for (int c = 0; c < STEEL_CLASSES.size(); c++) {
            for (int i = 1; i <= perClass; i++) {
                Pair pair = pair(random, size, size, 5 + c);
                String stem = STEEL_CLASSES.get(c) + "_" + i;
                write(pair.image, images.resolve(stem + ".bmp"), "bmp");
                write(pair.mask, truth.resolve(stem + ".png"), "png");
            }
        }
    }

    /** The Surface Defect-4i / FSSD-12 layout with Images/GT/Nd per class and data_list fold files. */
    public static void writeSurfaceDefectLayout(Path root, List<String> classes, int perClass, int size,
            List<String> trainClasses, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int c = 0; c < classes.size(); c++) {
            String name = classes.get(c);
            Path images = Files.createDirectories(root.resolve(name).resolve("Images"));
            Path gt = Files.createDirectories(root.resolve(name).resolve("GT"));
            Path nd = Files.createDirectories(root.resolve(name).resolve("Nd"));
            for (int i = 0; i < perClass; i++) {
                Pair pair = pair(random, size, size, c);
                write(pair.image, images.resolve(i + ".jpg"), "jpg");
                write(pair.mask, gt.resolve(i + ".png"), "png");
                String line = name + "/Images/" + i + ".jpg " + name + "/GT/" + i + ".png\n";
                (trainClasses.contains(name) ? train : test).append(line);
            }
            write(pair(random, size, size, -1).image, nd.resolve("normal_0.jpg"), "jpg");
        }
        Path lists = Files.createDirectories(root.resolve("data_list/train"));
        Files.writeString(lists.resolve("fold_0_defect.txt"), train);
        Files.writeString(lists.resolve("fold_0_clean.txt"), classes.get(0) + "/Nd/normal_0.jpg\n");
        Path testLists = Files.createDirectories(root.resolve("data_list/test"));
        Files.writeString(testLists.resolve("fold_0_defect.txt"), test);
    }

    /** A noise image with a blob whose shape depends on the class (-1: no blob), and its 0/255 mask. */
    public static Pair pair(Random random, int width, int height, int classIndex) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, 60 + random.nextInt(40));
            }
        }
        if (classIndex >= 0) {
            int w = width / 4 + random.nextInt(width / 4);
            int h = classIndex % 2 == 0 ? w : Math.max(3, w / 3);
            int x = random.nextInt(width - w);
            int y = random.nextInt(height - h);
            Graphics2D gi = image.createGraphics();
            gi.setColor(new Color(220, 220, 220));
            Graphics2D gm = mask.createGraphics();
            gm.setColor(Color.WHITE);
            if (classIndex % 3 == 0) {
                gi.fillOval(x, y, w, h);
                gm.fillOval(x, y, w, h);
            } else {
                gi.fillRect(x, y, w, h);
                gm.fillRect(x, y, w, h);
            }
            gi.dispose();
            gm.dispose();
        }
        return new Pair(image, mask);
    }

    /** Pixels >= 128 in the first band. */
    public static long defectPixels(BufferedImage mask) {
        long n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                n += mask.getRaster().getSample(x, y, 0) >= 128 ? 1 : 0;
            }
        }
        return n;
    }

    public static void write(BufferedImage image, Path file, String format) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("No writer for " + format);
            }
        }
    }

    /** An image and its mask. */
    public record Pair(BufferedImage image, BufferedImage mask) {
    }
}
