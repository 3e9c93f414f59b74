package io.defectstudio.storage;

import java.nio.file.Path;

/** The project folder, its database or its image store cannot be written. */
public class ReadOnlyProjectException extends StorageException {
    private final Path path;

    public ReadOnlyProjectException(Path path, String problem, Throwable cause) {
        super(path + " is read-only: " + problem, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
