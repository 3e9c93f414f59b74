package io.defectstudio.inference.bundle;

/** A safetensors file is malformed, or its tensors do not fit the backbone they are loaded into. */
public class SafetensorsException extends RuntimeException {

    public SafetensorsException(String message) {
        super(message);
    }

    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
