package io.defectstudio.storage;

import java.nio.file.Path;

/** The database file was not written by Defect Studio, or its schema version is impossible; it is left untouched. */
public class ForeignDatabaseException extends StorageException {

    public ForeignDatabaseException(Path database, String why) {
        super(database + " is not a Defect Studio project database (" + why + "); refusing to open it, and it was left"
                + " untouched");
    }
}
