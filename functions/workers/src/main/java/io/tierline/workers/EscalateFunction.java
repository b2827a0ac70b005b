package io.tierline.workers;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.quarkus.funqy.Funq;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.message.DeadlineDue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Fires the SLA deadlines the sweep sent, each at its second; stale or duplicate ones are dropped with a log line. */
public class EscalateFunction {
    private static final Logger LOG = Logger.getLogger(EscalateFunction.class);

    @Inject
    DeadlineFiring firing;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Clock clock;
    // Optional: every function of the zip is wired in every Lambda, but only this one's Lambda sets it.
    @ConfigProperty(name = "tierline.queue.escalation.dlq")
    Optional<String> deadLetterQueue;

    @Funq("escalate")
    public void escalate(SQSMessage message) {
        Optional<DeadlineDue> read = deadLetters.readOrRefuse(message, DeadlineDue.class, deadLetterQueue,
                "TIERLINE_QUEUE_ESCALATION_DLQ", "escalate");
        if (read.isEmpty()) {
            return;
        }
        DeadlineDue due = read.get();
        DeadlineFiring.Outcome outcome = firing.fire(due);
        Duration late = Duration.between(due.at(), clock.instant());
        switch (outcome) {
            case FIRED -> LOG.infof("ticket %s: %s %d%% (cycle %d) due %s fired %d ms after its deadline",
                    due.ticketId(), due.metric(), due.percent(), due.cycle(), due.at(), late.toMillis());
            case STALE -> LOG.infof("ticket %s: %s %d%% due %s no longer holds; message %s dropped", due.ticketId(),
                    due.metric(), due.percent(), due.at(), message.getMessageId());
            case TICKET_MISSING -> LOG.warnf("ticket %s does not exist; message %s dropped", due.ticketId(),
                    message.getMessageId());
        }
    }
}
