package io.defectstudio.storage;

import java.time.Duration;

/**
 * Settings for opening a project.
 *
 * @param maxImagePixels images whose header declares more pixels are refused before decoding
 * @param busyTimeout    how long a write waits for another process's lock before {@link DatabaseLockedException}
 */
public record ProjectOptions(long maxImagePixels, Duration busyTimeout) {
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public ProjectOptions {
        if (maxImagePixels <= 0) {
            throw new IllegalArgumentException("maxImagePixels must be positive: " + maxImagePixels);
        }
        if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
    }

    public static ProjectOptions defaults() {
        return new ProjectOptions(DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_BUSY_TIMEOUT);
    }

    public ProjectOptions withMaxImagePixels(long pixels) {
        return new ProjectOptions(pixels, busyTimeout);
    }

    public ProjectOptions withBusyTimeout(Duration timeout) {
        return new ProjectOptions(maxImagePixels, timeout);
    }
}
