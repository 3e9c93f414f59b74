package io.defectstudio.storage;

import java.nio.file.Path;

/** The file starts like an image but its data is truncated or damaged. */
public class CorruptImageException extends StorageException {
    private final Path file;

    public CorruptImageException(Path file, String problem, Throwable cause) {
        super(file + ": truncated or corrupt image: " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
