package io.defectstudio.storage;

/** The shared project's server refused this station's login (no such role, a wrong or missing password). */
public class LoginRefusedException extends StorageIoException {
    public LoginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
