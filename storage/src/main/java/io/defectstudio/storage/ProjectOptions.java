package io.defectstudio.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings for opening a project.
 *
 * @param maxImagePixels images whose header declares more pixels are refused before decoding
 * @param busyTimeout    how long a write waits for another process's or station's lock before
 *                       {@link DatabaseLockedException}
 * @param databaseUser   the role a station logs in to a shared project's database as, or null for the URL's
 *                       {@code user} or else the operating-system login name (as psql does)
 * @param password       a shared project's database password typed in by the user, or null to use the standard
 *                       {@code ~/.pgpass}; held in memory only
 * @param clock          the time every record is stamped with (the system clock; a test's own where order by time
 *                       is what it checks)
 */
public record ProjectOptions(long maxImagePixels, Duration busyTimeout, String databaseUser, String password,
                             Clock clock) {
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 100_000_000L;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public ProjectOptions {
        if (maxImagePixels <= 0) {
            throw new IllegalArgumentException("maxImagePixels must be positive: " + maxImagePixels);
        }
        if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static ProjectOptions defaults() {
        return new ProjectOptions(DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_BUSY_TIMEOUT, null, null, Clock.systemUTC());
    }

    public ProjectOptions withMaxImagePixels(long pixels) {
        return new ProjectOptions(pixels, busyTimeout, databaseUser, password, clock);
    }

    public ProjectOptions withBusyTimeout(Duration timeout) {
        return new ProjectOptions(maxImagePixels, timeout, databaseUser, password, clock);
    }

    /** Logs in to a shared project's database as {@code user}, with a typed {@code password} or null for pgpass. */
    public ProjectOptions withLogin(String user, String typedPassword) {
        return new ProjectOptions(maxImagePixels, busyTimeout, user == null || user.isBlank() ? null : user.strip(),
                typedPassword, clock);
    }

    /** Stamps records with {@code time} instead of the system clock. */
    public ProjectOptions withClock(Clock time) {
        return new ProjectOptions(maxImagePixels, busyTimeout, databaseUser, password, time);
    }

    public Optional<String> user() {
        return Optional.ofNullable(databaseUser);
    }

    public Optional<String> typedPassword() {
        return Optional.ofNullable(password);
    }

    @Override
    public String toString() {
        // Never the password: options end up in logs.
        return "ProjectOptions[maxImagePixels=" + maxImagePixels + ", busyTimeout=" + busyTimeout
                + ", databaseUser=" + databaseUser + ", password=" + (password == null ? "from ~/.pgpass" : "typed")
                + "]";
    }
}
