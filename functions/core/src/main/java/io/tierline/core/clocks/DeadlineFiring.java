package io.tierline.core.clocks;

import io.tierline.core.message.DeadlineDue;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fires an SLA deadline that the sweep sent: only if the ticket still has exactly that deadline and its clocks, as
 * of that instant, really reached it (the ticket may have been answered, paused or closed since). Then it records
 * the warning or breach, lets the escalation engine act on it, and moves the ticket on to its next deadline, in one conditional
 * write, which the after-write step follows (the notifications of a level it started, the next deadline if it falls due
 * before the sweep). A stale message changes nothing; a duplicate finds the deadline already moved on.
 */
public class DeadlineFiring {
    public enum Outcome { FIRED, STALE, TICKET_MISSING }

    private static final Actor SLA = Actor.system("sla");
    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final ClockKeeper keeper;
    private final Clock clock;
    private final SlaEscalation escalation;
    private final AfterWrite after;

    /** What a fired warning or breach leads to (the escalation engine's levels). */
    public interface SlaEscalation {
        TicketChange onSlaDeadline(TicketChange fired, List<TicketEvent> trail, Deadline deadline, Instant now);
    }

    public DeadlineFiring(TicketStore store, ClockKeeper keeper, Clock clock) {
        this(store, keeper, clock, (fired, trail, deadline, now) -> fired, AfterWrite.NOTHING);
    }

    public DeadlineFiring(TicketStore store, ClockKeeper keeper, Clock clock, SlaEscalation escalation,
                          AfterWrite after) {
        this.store = store;
        this.keeper = keeper;
        this.clock = clock;
        this.escalation = escalation;
        this.after = after;
    }

    public Outcome fire(DeadlineDue due) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(due.ticketId());
            if (found.isEmpty()) {
                return Outcome.TICKET_MISSING;
            }
            Ticket ticket = found.get().ticket();
            Deadline deadline = ticket.nextDeadline();
            if (deadline == null || !DeadlineKey.of(deadline).equals(due.deadline())
                    || !deadline.at().equals(due.at())) {
                return Outcome.STALE;
            }
            boolean holds = keeper.reached(ticket, found.get().events(), deadline);
            // a deadline kept for a late firing may not hold once the clocks see everything up to its instant:
            // then only the next deadline is stored (same version: clocks are derived, nothing happened)
            Instant now = clock.instant();
            TicketChange change = holds ? escalation.onSlaDeadline(ticket.recordSlaDeadline(
                    DeadlineKey.of(deadline), ClockKeeper.describe(deadline), deadline.isBreach(), deadline.at(), SLA,
                    now),
                    found.get().events(), deadline, now) : new TicketChange(ticket, ticket, List.of());
            try {
                // after firing, go on from the same instant: another deadline may fall due at exactly it, and the
                // one just fired is excluded as fired; a stale one was not recorded, so step past it
                TicketChange written = keeper.trackFrom(change, found.get().events(),
                        holds ? deadline.at() : deadline.at().plusNanos(1));
                store.apply(written);
                after.written(written.after());
                return holds ? Outcome.FIRED : Outcome.STALE;
            } catch (TicketStore.ConcurrentChangeException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
