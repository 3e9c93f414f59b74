package io.defectstudio.training.datasets.io;

/** One dataset entry is unusable; the import skips it and reports the message. */
public class InvalidEntryException extends Exception {
    public InvalidEntryException(String message) {
        super(message);
    }
}
