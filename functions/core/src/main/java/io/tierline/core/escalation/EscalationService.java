package io.tierline.core.escalation;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.message.NotificationRequested;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the escalation engine against the store: takes a ticket's due step, and hands recorded notifications to the
 * notify queue. The fan-out is marked on the ticket in the same write as the escalation and cleared only after the
 * messages are sent, so a crash in between is repaired by the next sweep (the mark is due at once), and a repeated
 * send produces the same keys, which the notify worker delivers once.
 */
public class EscalationService {
    public enum Outcome { STEPPED, FANNED_OUT, NOTHING_DUE, TICKET_MISSING }

    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final Outbox outbox;
    private final EscalationEngine engine;
    private final ClockKeeper keeper;
    private final Clock clock;

    public EscalationService(TicketStore store, Outbox outbox, EscalationEngine engine, ClockKeeper keeper,
                             Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.engine = engine;
        this.keeper = keeper;
        this.clock = clock;
    }

    /** Whatever the ticket has due by the message's instant (and by now): a step, then its notifications. */
    public Outcome due(EscalationDue due) {
        if (!TicketId.isValid(due.ticketId())) {
            return Outcome.TICKET_MISSING;
        }
        TicketId id = new TicketId(due.ticketId());
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty()) {
                return Outcome.TICKET_MISSING;
            }
            // whatever is due by now, not only by the message's instant: a message sent for a pending fan-out
            // must not hold back a step that fell due since
            Optional<TicketChange> step = engine.stepDue(found.get().ticket(), found.get().events(),
                    clock.instant());
            if (step.isEmpty()) {
                return publish(id) > 0 ? Outcome.FANNED_OUT : Outcome.NOTHING_DUE;
            }
            try {
                store.apply(keeper.track(step.get(), found.get().events()));
                publish(id);
                return Outcome.STEPPED;
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Sends the ticket's pending notifications, if any, then clears the mark.
     *
     * @return how many notifications were sent
     */
    public int publish(TicketId id) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty() || found.get().ticket().escalation() == null
                    || found.get().ticket().escalation().fanOut() == null) {
                return 0;
            }
            Ticket ticket = found.get().ticket();
            List<NotificationRequested> notifications = FanOut.pending(ticket, found.get().events(),
                    engine.policies().directory(), engine.policies(), clock.instant());
            List<Outbox.Delayed> messages = new ArrayList<>();
            notifications.forEach(n -> messages.add(new Outbox.Delayed(n, Duration.ZERO)));
            if (!messages.isEmpty()) {
                outbox.publishDelayed(messages);
            }
            try {
                store.apply(new TicketChange(ticket, ticket.withEscalation(ticket.escalation().withFanOut(null)),
                        List.of()));
                return notifications.size();
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced; // sent already; the mark stays and the next sweep sends the same keys again
                }
            }
        }
    }
}
