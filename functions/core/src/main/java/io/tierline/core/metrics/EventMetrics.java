package io.tierline.core.metrics;

import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of the audit trail: what a stored write's events say happened, measured from the events alone (a
 * step's lateness is its event's time minus its due time, never the clock of the function that wrote it).
 */
public final class EventMetrics {
    private EventMetrics() {
    }

    public static List<Measurement> of(List<TicketEvent> events) {
        List<Measurement> measured = new ArrayList<>();
        for (TicketEvent event : events) {
            measured.addAll(of(event));
        }
        return measured;
    }

    static List<Measurement> of(TicketEvent event) {
        if (event instanceof TicketEvent.Created created) {
            return List.of(Measurement.ticketCreated(created.ticketId(),
                    created.moves().to(TicketField.CHANNEL).orElse(null)));
        }
        if (event instanceof TicketEvent.Triaged triaged) {
            return List.of(Measurement.triageDecision(triaged.ticketId(),
                    triaged.moves().to(TicketField.PRIORITY).orElse(null),
                    triaged.moves().to(TicketField.TIER).orElse(null)));
        }
        if (event instanceof TicketEvent.SlaWarning warning) {
            return List.of(Measurement.slaWarning(warning.ticketId(), warning.deadline().metric()),
                    late(warning, Measurement.LateStep.SLA_WARNING));
        }
        if (event instanceof TicketEvent.SlaBreach breach) {
            return List.of(Measurement.slaBreach(breach.ticketId(), breach.deadline().metric()),
                    late(breach, Measurement.LateStep.SLA_BREACH));
        }
        if (event instanceof TicketEvent.Escalated escalated) {
            Integer level = escalated.escalation().level().to();
            Measurement escalation = Measurement.escalation(escalated.ticketId(), escalated.escalation().kind(),
                    level == null ? 0 : level);
            // one someone asked for has no due time, so no lateness
            return escalated.dueAt() == null ? List.of(escalation)
                    : List.of(escalation, late(escalated, Measurement.LateStep.ESCALATION));
        }
        if (event instanceof TicketEvent.EscalationReminder reminder) {
            return List.of(late(reminder, Measurement.LateStep.REMINDER));
        }
        return List.of();
    }

    private static Measurement late(TicketEvent event, Measurement.LateStep step) {
        return Measurement.lateness(event.ticketId(), step, Duration.between(event.dueAt(), event.at()));
    }
}
