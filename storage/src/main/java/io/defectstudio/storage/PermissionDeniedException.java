package io.defectstudio.storage;

/** The database role a station logged in as lacks the right to make this change; nothing was written. */
public class PermissionDeniedException extends StorageException {
    public PermissionDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
