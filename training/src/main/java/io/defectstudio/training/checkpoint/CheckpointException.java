package io.defectstudio.training.checkpoint;

/** A checkpoint cannot be written, or cannot be resumed (corrupt file, another run's checkpoint). */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
