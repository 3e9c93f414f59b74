package io.defectstudio.storage;

import java.nio.file.Path;

/** The database was written by a newer Defect Studio; it is left untouched (never migrated down). */
public class SchemaTooNewException extends StorageException {
    private final int found;
    private final int supported;

    public SchemaTooNewException(Path database, int found, int supported) {
        super(String.format("%s: schema version %d is newer than this version of Defect Studio supports (%d); "
                + "refusing to open it, update the application", database, found, supported));
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
