package io.defectstudio.inference.bundle;

import io.defectstudio.inference.InferenceException;

/** A model bundle that cannot be used; the message names the file and the problem. */
public class ModelBundleException extends InferenceException {

    public ModelBundleException(String message) {
        super(message);
    }

    public ModelBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
