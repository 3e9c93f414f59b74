package io.defectstudio.training.episodes;

/** A data set, image or episode list cannot be used as it is: missing file, unknown layout, unreadable image. */
public class EpisodeDataException extends RuntimeException {

    public EpisodeDataException(String message) {
        super(message);
    }

    public EpisodeDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
