package io.tierline.workers;

import io.tierline.core.wiring.LogContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.quarkus.funqy.Funq;
import io.tierline.core.message.TicketCreated;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.triage.TriageService;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Triage of new tickets, one TicketCreated message at a time; duplicates are acknowledged and change nothing. */
public class TriageFunction {
    private static final Logger LOG = Logger.getLogger(TriageFunction.class);

    @Inject
    TriageService triage;
    @Inject
    DeadLetters deadLetters;
    @Inject
    TierlineSettings settings;
    @Inject
    Metrics metrics;

    @Funq("triage")
    public void triage(SQSMessage message) {
        LogContext.message(message.getMessageId());
        Optional<TicketCreated> created = deadLetters.readOrRefuse(message, TicketCreated.class, deadLetterQueue(),
                "TIERLINE_QUEUE_TRIAGE_DLQ", "triage");
        if (created.isEmpty()) {
            return;
        }
        TicketId id = created.get().ticketId();
        LogContext.ticket(id);
        TriageService.Outcome outcome = triage.triage(id);
        switch (outcome) {
            case TRIAGED -> LOG.infof("ticket %s triaged", id);
            case ALREADY_TRIAGED -> {
                LOG.infof("ticket %s was already triaged; duplicate message %s ignored", id, message.getMessageId());
                metrics.record(Measurement.duplicateDropped(id, Measurement.Stage.TRIAGE));
            }
            case TICKET_MISSING -> LOG.warnf("ticket %s does not exist; message %s dropped", id,
                    message.getMessageId());
        }
    }

    // Optional: every function of the zip is wired in every Lambda, but only this one's Lambda sets it.
    private Optional<String> deadLetterQueue() {
        return settings.queue().triageDeadLetters();
    }
}
