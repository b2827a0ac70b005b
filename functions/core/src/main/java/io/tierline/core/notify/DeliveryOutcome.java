package io.tierline.core.notify;

import java.time.Duration;

/**
 * What handling one notify message did.
 *
 * @param delay  how long the re-published message waits (DEFERRED, RETRY_SCHEDULED), otherwise zero
 * @param reason why it was a duplicate or failed; null when delivered
 */
public record DeliveryOutcome(Kind kind, int attempt, Duration delay, String reason) {
    public enum Kind {
        /** Sent now, for the first and only time. */
        DELIVERED,
        /** Already delivered, being delivered by another copy, or an attempt that was already made: nothing done. */
        DUPLICATE,
        /** Not due yet (quiet hours, or another copy holds the key): re-published to arrive later. */
        DEFERRED,
        /** The channel failed; the next attempt is on the queue with a longer delay. */
        RETRY_SCHEDULED,
        /** Failed for good: the worker moves the message to the dead-letter queue with the reason. */
        FAILED_PERMANENTLY
    }

    static DeliveryOutcome delivered(int attempt) {
        return new DeliveryOutcome(Kind.DELIVERED, attempt, Duration.ZERO, null);
    }

    static DeliveryOutcome duplicate(int attempt, String reason) {
        return new DeliveryOutcome(Kind.DUPLICATE, attempt, Duration.ZERO, reason);
    }

    static DeliveryOutcome deferred(int attempt, Duration delay, String reason) {
        return new DeliveryOutcome(Kind.DEFERRED, attempt, delay, reason);
    }

    static DeliveryOutcome retryScheduled(int attempt, Duration delay, String reason) {
        return new DeliveryOutcome(Kind.RETRY_SCHEDULED, attempt, delay, reason);
    }

    static DeliveryOutcome failed(int attempt, String reason) {
        return new DeliveryOutcome(Kind.FAILED_PERMANENTLY, attempt, Duration.ZERO, reason);
    }
}
