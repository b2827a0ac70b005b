package io.tierline.core.triage;

import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.port.TicketStore;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.ticket.TicketHistory;
import io.tierline.core.ticket.TicketId;
import io.tierline.core.ticket.TriageDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Triage of new tickets: language, frustration and risk read from the text, priority from the matrix, category,
 * team and tier from the classifier and the rules (see {@link TriagePolicy}), then the ticket is open.
 * Safe under duplicate delivery: a ticket that is no longer new is left alone. The after-write step sends ahead a
 * first deadline or level that falls due before the next sweep.
 */
public class TriageService {
    public enum Outcome { TRIAGED, ALREADY_TRIAGED, TICKET_MISSING }

    private static final Actor TRIAGE = Actor.system("triage");
    private static final int ATTEMPTS = 3;

    private final TicketStore store;
    private final Supplier<TriagePolicy> policy;
    private final TicketAssessor assessor;
    private final ClockKeeper clocks;
    private final Clock clock;
    private final AfterWrite after;

    public TriageService(TicketStore store, Supplier<TriagePolicy> policy, TicketAssessor assessor,
                         ClockKeeper clocks, Clock clock, AfterWrite after) {
        this.store = store;
        this.policy = policy;
        this.assessor = assessor;
        this.clocks = clocks;
        this.clock = clock;
        this.after = after;
    }

    /** What triage would do now with a ticket made from this request; nothing is stored. */
    public TriageEvaluation dryRun(TicketDraft draft, Actor requestedBy) {
        Instant now = clock.instant();
        // the salt only matters for a stored ticket's customer token; this ticket is never stored
        Ticket ticket = Ticket.open(TicketId.next(clock), draft, "dry-run", requestedBy, now).after();
        return policy.get().evaluate(ticket, assessor.assess(ticket), now);
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
                Instant now = clock.instant();
                TriageDecision decision = policy.get().decide(ticket, assessor.assess(ticket), now);
                TicketChange triaged = clocks.track(ticket.triage(decision, TRIAGE, now), found.get().events());
                store.apply(triaged);
                after.written(triaged.after());
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
