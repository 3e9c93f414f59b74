package io.defectstudio.inference;

/** An image, mask or support set the segmenter cannot use (empty mask, mask/image size mismatch, empty image). */
public class InvalidInputException extends InferenceException {

    public InvalidInputException(String message) {
        super(message);
    }
}
