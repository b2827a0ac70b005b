package io.tierline.workers;

import io.tierline.core.wiring.LogContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.quarkus.funqy.Funq;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.escalation.EscalationService;
import io.tierline.core.message.DeadlineDue;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.FollowUpDue;
import io.tierline.core.followup.FollowUpService;
import io.tierline.core.message.Message;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires the SLA deadlines and escalation steps the sweep sent, each at its second (the core's after-write step then
 * hands the notifications of what it recorded to the notify queue); stale or duplicate messages are dropped with a
 * log line.
 */
public class EscalateFunction {
    private static final Logger LOG = Logger.getLogger(EscalateFunction.class);

    @Inject
    DeadlineFiring firing;
    @Inject
    EscalationService escalations;
    @Inject
    FollowUpService followUps;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Clock clock;
    @Inject
    TierlineSettings settings;
    @Inject
    Metrics metrics;

    @Funq("escalate")
    public void escalate(SQSMessage message) {
        LogContext.message(message.getMessageId());
        Optional<Message> read = deadLetters.readOrRefuse(message, Message.class, deadLetterQueue(),
                "TIERLINE_QUEUE_ESCALATION_DLQ", "escalate");
        if (read.isEmpty()) {
            return;
        }
        if (read.get() instanceof FollowUpDue followUp) {
            FollowUpService.Outcome outcome = followUps.fire(followUp);
            LOG.infof("ticket %s: follow-up due %s: %s (%d ms after its time)", followUp.ticketId(), followUp.at(),
                    outcome, Duration.between(followUp.at(), clock.instant()).toMillis());
            return;
        }
        if (read.get() instanceof EscalationDue step) {
            LogContext.ticket(step.ticketId());
            EscalationService.Outcome outcome = escalations.due(step);
            LOG.infof("ticket %s: escalation work due %s: %s (%d ms after its time)", step.ticketId(), step.at(),
                    outcome, Duration.between(step.at(), clock.instant()).toMillis());
            return;
        }
        if (!(read.get() instanceof DeadlineDue due)) {
            deadLetters.refuse(message, DeadLetters.required(deadLetterQueue(), "TIERLINE_QUEUE_ESCALATION_DLQ"),
                    "escalate", "unreadable message: not a DeadlineDue, EscalationDue or FollowUpDue message");
            return;
        }
        LogContext.ticket(due.ticketId());
        DeadlineFiring.Outcome outcome = firing.fire(due);
        Duration late = Duration.between(due.at(), clock.instant());
        switch (outcome) {
            case FIRED -> LOG.infof("ticket %s: %s %d%% (cycle %d) due %s fired %d ms after its deadline",
                    due.ticketId(), due.deadline().metric().code(), due.deadline().percent(), due.deadline().cycle(),
                    due.at(), late.toMillis());
            case STALE -> {
                LOG.infof("ticket %s: %s %d%% due %s no longer holds; message %s dropped", due.ticketId(),
                        due.deadline().metric().code(), due.deadline().percent(), due.at(), message.getMessageId());
                metrics.record(Measurement.duplicateDropped(due.ticketId(),
                        Measurement.Stage.ESCALATE));
            }
            case TICKET_MISSING -> LOG.warnf("ticket %s does not exist; message %s dropped", due.ticketId(),
                    message.getMessageId());
        }
    }

    // Optional: every function of the zip is wired in every Lambda, but only this one's Lambda sets it.
    private Optional<String> deadLetterQueue() {
        return settings.queue().escalationDeadLetters();
    }
}
