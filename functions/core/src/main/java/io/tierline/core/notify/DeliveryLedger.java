package io.tierline.core.notify;

import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers each notification key's deliveries, so a key is sent at most once however often its message arrives.
 * A copy that wants to send first takes a short lease ({@link #claim}); only the copy holding the next attempt may
 * take it, so duplicates of an attempt already made, and two copies at the same moment, do not both send.
 */
public interface DeliveryLedger {
    enum State {
        /** A copy holds the lease and is sending now (or died doing so: then the lease runs out). */
        SENDING,
        /** An attempt failed; the next one is on the queue. */
        PENDING,
        /** Final: the key is never sent again. */
        DELIVERED,
        /** Every attempt failed; the message went to the dead-letter queue. A replay of it may try once more. */
        FAILED
    }

    /**
     * @param attempts    attempts made so far (including one being made now)
     * @param leaseUntil  while SENDING: until when the sender holds the key
     */
    record Delivery(String key, State state, int attempts, DeliveryChannel channel, String recipient,
                    Instant leaseUntil, Instant deliveredAt, String lastError) {
        public boolean leaseHeldAt(Instant now) {
            return state == State.SENDING && leaseUntil != null && leaseUntil.isAfter(now);
        }
    }

    /** @param current what the ledger holds when the claim was refused (null if granted, or if nothing is there) */
    record Claim(boolean granted, Delivery current) {
    }

    /**
     * Takes the key for attempt {@code notification.attempt() + 1} until {@code leaseUntil}, if that attempt is the
     * next one to make: no record yet; the previous attempt failed and released it with this attempt number; the
     * same attempt's sender vanished (lease over); or the key failed for good and this is a replay.
     */
    Claim claim(NotificationRequested notification, Instant now, Instant leaseUntil);

    void delivered(String key, Instant at);

    /** The attempt failed and the next one is on the queue: the key is free for it. */
    void released(String key, String error, Instant at);

    void failed(String key, String reason, Instant at);

    Optional<Delivery> find(String key);
}
