package io.tierline.workers;

import io.tierline.core.time.SettableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Replaces the system clock (a @DefaultBean in core) so tests set the time. */
public class TestClock {
    public static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-06T16:55:00Z"));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
