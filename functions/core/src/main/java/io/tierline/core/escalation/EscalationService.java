package io.tierline.core.escalation;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.message.EscalationDue;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs the escalation engine against the store: takes a ticket's due step and hands the written ticket to the
 * after-write step ({@link AfterWrite}), which sends the notifications it recorded and what falls due next. A
 * message sent for a fan-out left pending (a crash between the write and the send) finds no step due and has the
 * after-write step send it.
 */
public class EscalationService {
    public enum Outcome { STEPPED, FANNED_OUT, NOTHING_DUE, TICKET_MISSING }

    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final EscalationEngine engine;
    private final ClockKeeper keeper;
    private final Clock clock;
    private final AfterWrite after;

    public EscalationService(TicketStore store, EscalationEngine engine, ClockKeeper keeper, Clock clock,
                             AfterWrite after) {
        this.store = store;
        this.engine = engine;
        this.keeper = keeper;
        this.clock = clock;
        this.after = after;
    }

    /** Whatever the ticket has due by the message's instant (and by now): a step, then its notifications. */
    public Outcome due(EscalationDue due) {
        TicketId id = due.ticketId();
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty()) {
                return Outcome.TICKET_MISSING;
            }
            Ticket ticket = found.get().ticket();
            // whatever is due by now, not only by the message's instant: a message sent for a pending fan-out
            // must not hold back a step that fell due since
            Optional<TicketChange> step = engine.stepDue(ticket, found.get().events(), clock.instant());
            if (step.isEmpty()) {
                boolean pending = ticket.escalation() != null && ticket.escalation().fanOut() != null;
                return pending && after.written(ticket).notifications() > 0 ? Outcome.FANNED_OUT
                        : Outcome.NOTHING_DUE;
            }
            try {
                TicketChange written = keeper.track(step.get(), found.get().events());
                store.apply(written);
                after.written(written.after());
                return Outcome.STEPPED;
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
