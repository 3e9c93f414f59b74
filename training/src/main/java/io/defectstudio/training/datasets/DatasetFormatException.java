package io.defectstudio.training.datasets;

/** A folder that is not a dataset of the asked (or any recognised) layout, or an export folder that is in the way. */
public class DatasetFormatException extends RuntimeException {
    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
