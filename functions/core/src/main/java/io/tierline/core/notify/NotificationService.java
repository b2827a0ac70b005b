package io.tierline.core.notify;

import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.Outbox;
import java.time.Duration;
import java.time.Instant;
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
    private final Map<String, NotificationChannel> channels;
    private final Outbox outbox;
    private final RetryPolicy retries;

    public NotificationService(DeliveryLedger ledger, Map<String, NotificationChannel> channels, Outbox outbox,
                               RetryPolicy retries) {
        this.ledger = ledger;
        this.channels = Map.copyOf(channels);
        this.outbox = outbox;
        this.retries = retries;
    }

    /** The channels of a deployment: email and customer by the email sender, Slack and signed webhooks by HTTP. */
    public static Map<String, NotificationChannel> standardChannels(EmailSender email, String emailFrom,
                                                                    HttpDelivery http, String webhookSecret) {
        EmailChannel mail = new EmailChannel(email, emailFrom);
        return Map.of(NotificationRequested.EMAIL, mail, NotificationRequested.CUSTOMER, mail,
                NotificationRequested.SLACK, new SlackChannel(http),
                NotificationRequested.WEBHOOK, new WebhookChannel(http, webhookSecret));
    }

    public DeliveryOutcome handle(NotificationRequested n, Instant now) {
        int attempt = n.attempt() + 1;
        Optional<DeliveryLedger.Delivery> known = ledger.find(n.key());
        if (known.isPresent() && known.get().state() == DeliveryLedger.State.DELIVERED) {
            return DeliveryOutcome.duplicate(attempt, "already delivered at " + known.get().deliveredAt());
        }
        if (n.notBefore() != null && n.notBefore().isAfter(now)) {
            return defer(n, Duration.between(now, n.notBefore()), "not before " + n.notBefore());
        }
        DeliveryLedger.Claim claim = ledger.claim(n, now, now.plus(retries.lease()));
        if (!claim.granted()) {
            return refused(n, claim.current(), now);
        }
        try {
            NotificationChannel channel = channels.get(n.channel());
            if (channel == null) {
                throw DeliveryFailure.permanentFailure("unknown channel '" + n.channel() + "'; known: "
                        + channels.keySet().stream().sorted().toList());
            }
            channel.send(n, now);
        } catch (DeliveryFailure failure) {
            return failed(n, failure, now);
        }
        ledger.delivered(n.key(), now);
        return DeliveryOutcome.delivered(attempt);
    }

    private DeliveryOutcome refused(NotificationRequested n, DeliveryLedger.Delivery current, Instant now) {
        int attempt = n.attempt() + 1;
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
        int attemptsMade = n.attempt() + 1;
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
        return DeliveryOutcome.deferred(n.attempt() + 1, hop, reason);
    }
}
