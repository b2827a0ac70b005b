package io.tierline.core.triage;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Triage of new tickets: priority from the matrix, team and tier from the routing rules, then the ticket is open.
 * Safe under duplicate delivery: a ticket that is no longer new is left alone.
 */
public class TriageService {
    public enum Outcome { TRIAGED, ALREADY_TRIAGED, TICKET_MISSING }

    private static final Actor TRIAGE = Actor.system("triage");
    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final Supplier<TriagePolicy> policy;
    private final ClockKeeper clocks;
    private final Clock clock;

    public TriageService(TicketStore store, Supplier<TriagePolicy> policy, ClockKeeper clocks, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clocks = clocks;
        this.clock = clock;
    }

    public Outcome triage(TicketId id) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketHistory> found = store.history(id);
            if (found.isEmpty()) {
                return Outcome.TICKET_MISSING;
            }
            Ticket ticket = found.get().ticket();
            if (ticket.status() != Status.NEW) {
                return Outcome.ALREADY_TRIAGED;
            }
            try {
                // the priority is known now: the SLA policy applies from the ticket's creation, not from triage
                store.apply(clocks.track(ticket.triage(policy.get().decide(ticket), TRIAGE, clock.instant()),
                        found.get().events()));
                return Outcome.TRIAGED;
            } catch (TicketStore.ConcurrentChangeException raced) {
                // Someone changed the ticket between our read and write: read again and decide afresh.
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
