package io.tierline.workers;

import io.tierline.core.wiring.LogContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.quarkus.funqy.Funq;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.notify.DeliveryOutcome;
import io.tierline.core.notify.NotificationService;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers the notifications on the notify queue, once per key. Retries and quiet hours are messages the service
 * re-publishes with a delay; a notification that failed for good is moved to the dead-letter queue with the reason.
 * Anything thrown (DynamoDB or SQS unavailable) is a batch item failure, retried by SQS.
 */
public class NotifyFunction {
    private static final Logger LOG = Logger.getLogger(NotifyFunction.class);
    static final String DLQ_VARIABLE = "TIERLINE_QUEUE_NOTIFY_DLQ";

    @Inject
    NotificationService notifications;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Clock clock;
    @Inject
    TierlineSettings settings;
    @Inject
    Metrics metrics;

    @Funq("notify")
    public void notify(SQSMessage message) {
        LogContext.message(message.getMessageId());
        Optional<NotificationRequested> read = deadLetters.readOrRefuse(message, NotificationRequested.class,
                deadLetterQueue(), DLQ_VARIABLE, "notify");
        if (read.isEmpty()) {
            return;
        }
        NotificationRequested n = read.get();
        LogContext.ticket(n.occasion().ticketId());
        LogContext.escalation(n.occasion().escalation(), n.occasion().level());
        TicketId ticket = n.occasion().ticketId();
        DeliveryOutcome outcome = notifications.handle(n, clock.instant());
        String what = n.key() + " (" + n.target().channel().code() + ", attempt " + outcome.attempt() + ")";
        switch (outcome.kind()) {
            case DELIVERED -> {
                LOG.infof("delivered %s", what);
                metrics.record(Measurement.notificationDelivered(ticket, n.target().channel()));
            }
            case DUPLICATE -> {
                LOG.infof("duplicate %s: %s; message %s dropped", what, outcome.reason(), message.getMessageId());
                metrics.record(Measurement.duplicateDropped(ticket, Measurement.Stage.NOTIFY));
            }
            case DEFERRED -> LOG.infof("deferred %s by %s: %s", what, outcome.delay(), outcome.reason());
            case RETRY_SCHEDULED -> {
                LOG.warnf("failed %s: %s; next attempt in %s", what, outcome.reason(), outcome.delay());
                metrics.record(Measurement.notificationRetried(ticket, n.target().channel()));
            }
            case FAILED_PERMANENTLY -> {
                LOG.errorf("gave up on %s: %s", what, outcome.reason());
                metrics.record(Measurement.notificationDeadLettered(ticket, n.target().channel()));
                deadLetters.refuse(message, DeadLetters.required(deadLetterQueue(), DLQ_VARIABLE), "notify",
                        outcome.reason());
            }
        }
    }

    // Optional: every function of the zip is wired in every Lambda, but only this one's Lambda sets it.
    private Optional<String> deadLetterQueue() {
        return settings.queue().notifyDeadLetters();
    }
}
