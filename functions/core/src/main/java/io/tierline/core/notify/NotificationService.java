package io.tierline.core.notify;

import io.tierline.core.message.DeliveryChannel;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one notification message: not before its time (quiet hours), at most once per key, retrying a failing
 * channel with growing delays by re-publishing the message, and giving up after the last attempt with the reason.
 * Waiting is done by SQS (delayed messages, 15 minutes per hop), never by the function.
 */
public final class NotificationService {
    private final DeliveryLedger ledger;
    private final Map<DeliveryChannel, NotificationChannel> channels;
    private final Outbox outbox;
    private final RetryPolicy retries;

    /** @param channels a sender for every {@link DeliveryChannel}: a message on any of them must be deliverable */
    public NotificationService(DeliveryLedger ledger, Map<DeliveryChannel, NotificationChannel> channels,
                               Outbox outbox, RetryPolicy retries) {
        EnumSet<DeliveryChannel> missing = EnumSet.allOf(DeliveryChannel.class);
        missing.removeAll(channels.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no sender for the channels " + missing);
        }
        this.ledger = ledger;
        this.channels = new EnumMap<>(channels);
        this.outbox = outbox;
        this.retries = retries;
    }

    /** The channels of a deployment: email and customer by the email sender, Slack and signed webhooks by HTTP. */
    public static Map<DeliveryChannel, NotificationChannel> standardChannels(EmailSender email, String emailFrom,
                                                                             HttpDelivery http,
                                                                             String webhookSecret) {
        EmailChannel mail = new EmailChannel(email, emailFrom);
        return Map.of(DeliveryChannel.EMAIL, mail, DeliveryChannel.CUSTOMER, mail,
                DeliveryChannel.SLACK, new SlackChannel(http),
                DeliveryChannel.WEBHOOK, new WebhookChannel(http, webhookSecret));
    }

    public DeliveryOutcome handle(NotificationRequested n, Instant now) {
        int attempt = n.schedule().attempt() + 1;
        Optional<DeliveryLedger.Delivery> known = ledger.find(n.key());
        if (known.isPresent() && known.get().state() == DeliveryLedger.State.DELIVERED) {
            return DeliveryOutcome.duplicate(attempt, "already delivered at " + known.get().deliveredAt());
        }
        Instant notBefore = n.schedule().notBefore();
        if (notBefore != null && notBefore.isAfter(now)) {
            return defer(n, Duration.between(now, notBefore), "not before " + notBefore);
        }
        DeliveryLedger.Claim claim = ledger.claim(n, now, now.plus(retries.lease()));
        if (!claim.granted()) {
            return refused(n, claim.current(), now);
        }
        try {
            channels.get(n.target().channel()).send(n, now);
        } catch (DeliveryFailure failure) {
            return failed(n, failure, now);
        }
        ledger.delivered(n.key(), now);
        return DeliveryOutcome.delivered(attempt);
    }

    private DeliveryOutcome refused(NotificationRequested n, DeliveryLedger.Delivery current, Instant now) {
        int attempt = n.schedule().attempt() + 1;
        if (current == null) {
            // refused, then gone (expired between the two reads): let SQS deliver the message again
            throw new IllegalStateException("the delivery record of " + n.key() + " changed while claiming it");
        }
        if (current.state() == DeliveryLedger.State.DELIVERED) {
            return DeliveryOutcome.duplicate(attempt, "already delivered at " + current.deliveredAt());
        }
        if (current.leaseHeldAt(now)) {
            // another copy is sending: come back when its lease ends and see what it achieved
            return defer(n, Duration.between(now, current.leaseUntil()), "another copy holds the key until "
                    + current.leaseUntil());
        }
        return DeliveryOutcome.duplicate(attempt, "attempt " + attempt + " was already made ("
                + current.attempts() + " so far, " + current.state().name().toLowerCase() + ")");
    }

    private DeliveryOutcome failed(NotificationRequested n, DeliveryFailure failure, Instant now) {
        int attemptsMade = n.schedule().attempt() + 1;
        if (failure.permanent() || attemptsMade >= retries.maxAttempts()) {
            String reason = failure.permanent() ? failure.getMessage()
                    : "gave up after " + attemptsMade + " attempts; last: " + failure.getMessage();
            ledger.failed(n.key(), reason, now);
            return DeliveryOutcome.failed(attemptsMade, reason);
        }
        Duration backoff = retries.backoffAfter(attemptsMade);
        // publish the next attempt before freeing the key: if publishing fails, SQS retries this attempt instead
        outbox.publishDelayed(List.of(new Outbox.Delayed(n.retry(now.plus(backoff)), backoff)));
        ledger.released(n.key(), failure.getMessage(), now);
        return DeliveryOutcome.retryScheduled(attemptsMade, backoff, failure.getMessage());
    }

    private DeliveryOutcome defer(NotificationRequested n, Duration wait, String reason) {
        Duration hop = wait.compareTo(RetryPolicy.MAX_HOP) > 0 ? RetryPolicy.MAX_HOP : wait;
        outbox.publishDelayed(List.of(new Outbox.Delayed(n, hop)));
        return DeliveryOutcome.deferred(n.schedule().attempt() + 1, hop, reason);
    }
}
