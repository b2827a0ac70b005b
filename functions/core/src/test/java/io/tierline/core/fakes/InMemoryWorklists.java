package io.tierline.core.fakes;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.routing.Worklists;
import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@link Worklists} over the in-memory store, in the team queue's order (soonest target due, then oldest). */
public final class InMemoryWorklists implements Worklists {
    private final InMemoryTicketStore store;

    public InMemoryWorklists(InMemoryTicketStore store) {
        this.store = store;
    }

    @Override
    public List<TicketId> waiting(TeamName team, int limit) {
        return store.tickets().stream().filter(t -> team.equals(t.team()) && t.status() == Status.OPEN
                        && t.assignee() == null)
                .sorted(Comparator.comparing(Ticket::targetDueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(Ticket::createdAt))
                .limit(limit).map(Ticket::id).toList();
    }

    @Override
    public List<TicketId> heldBy(PersonId person, TeamName team) {
        return store.tickets().stream().filter(t -> team.equals(t.team()) && Objects.equals(person,
                        t.assignee()) && (t.status() == Status.OPEN || t.status() == Status.PENDING
                        || t.status() == Status.ON_HOLD)).map(Ticket::id).toList();
    }
}
