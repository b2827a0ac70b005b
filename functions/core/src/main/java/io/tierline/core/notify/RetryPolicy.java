package io.tierline.core.notify;

import java.time.Duration;

/**
 * How a failing channel is retried: after attempt n the next waits {@code firstBackoff × 4^(n-1)}, at most
 * {@code maxBackoff} (30 s, 2 min, 8 min, 15 min, ...), until {@code maxAttempts} attempts were made.
 *
 * @param lease how long a sender holds a key; longer than the function's timeout, shorter than the queue's
 *              visibility timeout, so a copy that died mid-send is retried when SQS delivers its message again
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease) {
    /** SQS delays a message 15 minutes at most. */
    public static final Duration MAX_HOP = Duration.ofMinutes(15);
    private static final int GROWTH = 4;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxBackoff.compareTo(MAX_HOP) > 0) {
            throw new IllegalArgumentException("maxBackoff cannot exceed SQS's 15-minute delay");
        }
    }

    public static RetryPolicy defaults(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(30), MAX_HOP, Duration.ofSeconds(60));
    }

    /** @param attemptsMade 1 after the first attempt failed */
    public Duration backoffAfter(int attemptsMade) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attemptsMade && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(GROWTH);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
