package io.defectstudio.storage;

import java.nio.file.Path;

/** The folder holds no project ({@code open}) or already holds one ({@code create}), or cannot be used. */
public class ProjectFolderException extends StorageException {
    public ProjectFolderException(Path folder, String problem) {
        super(folder + ": " + problem);
    }
}
