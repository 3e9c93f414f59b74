package io.defectstudio.training.loop;

/** A training run cannot go on: invalid configuration, too little data, a diverged loss. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
