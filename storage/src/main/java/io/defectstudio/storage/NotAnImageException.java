package io.defectstudio.storage;

import java.nio.file.Path;

/** The file is not a PNG, JPEG, BMP or TIFF image (or uses a pixel layout the store cannot keep). */
public class NotAnImageException extends StorageException {
    private final Path file;

    public NotAnImageException(Path file, String problem) {
        super(file + ": not a supported image: " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
