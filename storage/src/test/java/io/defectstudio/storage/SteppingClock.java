package io.defectstudio.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves on by a step each time it is read: records stamped one after another never share a time. */
public final class SteppingClock extends Clock {

    private final AtomicLong millis;
    private final long step;

    public SteppingClock(Instant start, Duration step) {
        this.millis = new AtomicLong(start.toEpochMilli());
        this.step = step.toMillis();
    }

    @Override
    public long millis() {
        return millis.getAndAdd(step);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stepping clock is in UTC");
    }
}
