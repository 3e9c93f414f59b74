package io.defectstudio.storage;

/** Base of every storage fault. Unchecked: callers decide where to catch; messages name the file and the problem. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
