package io.defectstudio.storage;

import java.nio.file.Path;
import java.time.Duration;

/** Another connection or process kept the database locked for longer than the busy timeout. */
public class DatabaseLockedException extends StorageException {
    private final Path database;

    public DatabaseLockedException(Path database, Duration waited, Throwable cause) {
        super(String.format("%s is locked by another process or connection; gave up after waiting %d ms",
                database, waited.toMillis()), cause);
        this.database = database;
    }

    public Path database() {
        return database;
    }
}
