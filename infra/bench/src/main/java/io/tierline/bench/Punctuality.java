package io.tierline.bench;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.sla.MetricEvent;
import io.tierline.core.sla.MetricEventType;
import io.tierline.core.ticket.TicketEvent;
import io.tierline.core.ticket.TicketHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How late each SLA warning or breach was recorded: the recorded event's time (when the escalation worker fired it)
 * minus the deadline as the ticket's clocks set it, computed from the ticket's audit trail with the same policies
 * the functions use.
 */
final class Punctuality {

    /** One fired deadline. */
    record Fired(String ticketId, String deadline, Instant dueAt, Instant firedAt) {
        Duration late() {
            return Duration.between(dueAt, firedAt);
        }
    }

    private final ClockKeeper keeper;

    Punctuality(ClockKeeper keeper) {
        this.keeper = keeper;
    }

    /** Every warning and breach recorded on the ticket, with the instant it was due. */
    List<Fired> firedIn(TicketHistory history) {
        return history.events().stream()
                .filter(e -> e.type() == TicketEvent.EventType.SLA_WARNING
                        || e.type() == TicketEvent.EventType.SLA_BREACH)
                .map(e -> fired(history, e))
                .toList();
    }

    private Fired fired(TicketHistory history, TicketEvent event) {
        DeadlineKey key = ((TicketEvent.SlaDeadlineFired) event).deadline();
        Instant dueAt = dueAt(history, key, event.at()).orElseThrow(() -> new IllegalStateException("ticket "
                + history.ticket().id() + ": the clocks never reached " + key.code() + ", yet it was recorded at "
                + event.at()));
        return new Fired(history.ticket().id().value(), key.code(), dueAt, event.at());
    }

    /** The instant the clocks, as of the firing, reached the deadline with this key. */
    private Optional<Instant> dueAt(TicketHistory history, DeadlineKey key, Instant firedAt) {
        return keeper.evaluate(history.ticket(), history.events(), firedAt).events().stream()
                .filter(e -> e.type() == MetricEventType.WARN || e.type() == MetricEventType.BREACH)
                .filter(e -> new DeadlineKey(e.metric(), e.cycle(), e.percent()).equals(key))
                .map(MetricEvent::at)
                .findFirst();
    }
}
