package io.defectstudio.inference;

/** Base of every error the inference module reports; unchecked so callers choose where to handle it. */
public class InferenceException extends RuntimeException {

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
