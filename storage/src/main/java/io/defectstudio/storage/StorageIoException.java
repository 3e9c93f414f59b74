package io.defectstudio.storage;

/** Any other I/O or database failure, with the file and the operation that failed. */
public class StorageIoException extends StorageException {
    public StorageIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
