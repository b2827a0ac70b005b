package io.tierline.core.routing;

import io.tierline.core.ticket.PersonId;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import io.tierline.core.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a write does to a person's load counter, written in the write's own transaction so the counter moves exactly
 * once per stored change (a refused or repeated write moves nothing). A person holds a ticket while it is assigned
 * to them and not solved or closed.
 *
 * @param limit for an automatic assignment within capacity: the count must stay at most this (the store writes
 *              only while the counter is below it); null for a hand-over, an urgent ticket let past capacity, or a
 *              decrease
 */
public record LoadChange(PersonId person, int delta, Integer limit) {
    public LoadChange {
        Objects.requireNonNull(person, "person");
    }

    public static List<LoadChange> of(List<TicketChange> changes) {
        Map<PersonId, int[]> deltas = new LinkedHashMap<>();
        Map<PersonId, Integer> limits = new LinkedHashMap<>();
        for (TicketChange change : changes) {
            PersonId before = change.before() == null ? null : holder(change.before());
            PersonId after = holder(change.after());
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before != null) {
                deltas.computeIfAbsent(before, p -> new int[1])[0]--;
            }
            if (after != null) {
                deltas.computeIfAbsent(after, p -> new int[1])[0]++;
                for (TicketEvent event : change.events()) {
                    if (event instanceof TicketEvent.AutoAssigned assigned && assigned.assignment().load() != null
                            && !assigned.assignment().load().overCapacity()) {
                        limits.put(after, assigned.assignment().load().limit());
                    }
                }
            }
        }
        List<LoadChange> out = new ArrayList<>();
        deltas.forEach((person, delta) -> {
            if (delta[0] != 0) {
                out.add(new LoadChange(person, delta[0], delta[0] > 0 ? limits.get(person) : null));
            }
        });
        return out;
    }

    /** Who holds the ticket towards their capacity: its assignee while it is not solved or closed. */
    public static PersonId holder(Ticket ticket) {
        return ticket.status().isDone() ? null : ticket.assignee();
    }
}
