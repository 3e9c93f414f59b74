package io.defectstudio.training.datasets.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads images and masks completely, so that a truncated or corrupt file is caught before anything is imported. */
public final class ImageFiles {
    /** The project's default import limit; larger images are refused before their pixels are decoded. */
    public static final long MAX_PIXELS = 100_000_000L;
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff");

    private ImageFiles() {
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    public static boolean isImageName(String fileName) {
        return IMAGE_EXTENSIONS.contains(extension(fileName));
    }

    /** The image in {@code folder} named {@code stem} with any image extension (the first by name), if there is one. */
    public static Optional<Path> findByStem(Path folder, String stem) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isImageName(f.getFileName().toString())
                    && stem(f.getFileName().toString()).equals(stem)).sorted().findFirst();
        }
    }

    /**
     * Decodes every pixel. ImageIO fills a truncated JPEG with grey and only warns, so any reader warning counts
     * as corruption here.
     */
    public static BufferedImage decode(Path file) throws InvalidEntryException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidEntryException("file not found: " + file.getFileName());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InvalidEntryException("cannot open " + file.getFileName());
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidEntryException("not a readable image: " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidEntryException("image " + file.getFileName() + " has " + pixels
                            + " pixels, more than the limit of " + MAX_PIXELS);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new InvalidEntryException("corrupt or truncated image " + file.getFileName() + ": "
                            + warnings.get(0));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidEntryException("corrupt or truncated image " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Reads a mask file and checks it against its image's size. */
    public static BufferedImage readMask(Path file, int width, int height) throws InvalidEntryException {
        BufferedImage mask = decode(file);
        if (mask.getWidth() != width || mask.getHeight() != height) {
            throw new InvalidEntryException("mask " + file.getFileName() + " is " + mask.getWidth() + "x"
                    + mask.getHeight() + " but its image is " + width + "x" + height);
        }
        return MaskImages.binarise(mask);
    }
}
