package io.tierline.core.triage;

import io.tierline.core.ticket.TeamName;
import io.tierline.core.classify.ContactHistory;
import io.tierline.core.classify.RiskContext;
import io.tierline.core.port.Page;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The store's closed tickets as training examples for the escalation-risk model: each with the customer's history
 * when it came in and the label "reached tier 2 or above, or was escalated" ({@link CustomerContacts#escalated}).
 * Read through the indexes only: each team's closed queue (TeamQueueIndex), then each customer's tickets once
 * (CustomerIndex / CustomerEmailIndex). Tickets merged into another are left out: they are copies of a ticket that is
 * itself exported.
 */
public final class RiskExport {

    static final int PAGE = 100;

    private RiskExport() {
    }

    /** One closed ticket, what triage would have known of its customer, and whether it needed an expert. */
    public record Example(Ticket ticket, ContactHistory history, boolean escalated) {

        public RiskContext context() {
            return TicketAssessor.riskContext(ticket, history);
        }
    }

    /** The closed tickets of these teams, oldest first. */
    public static List<Example> closedTickets(TicketQueries queries, Collection<TeamName> teams, Instant now) {
        List<Ticket> closed = new ArrayList<>();
        for (TeamName team : teams) {
            closed.addAll(all((cursor, limit) -> queries.teamQueue(new TicketQueries.QueueQuery(team, Status.CLOSED,
                    TicketQueries.Filter.ALL, new TicketQueries.Paging(cursor, limit)), now)));
        }
        closed.removeIf(t -> t.work().mergedInto() != null);
        closed.sort(Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.id().value()));
        Map<CustomerKey, List<Ticket>> customers = new HashMap<>();
        List<Example> examples = new ArrayList<>(closed.size());
        for (Ticket ticket : closed) {
            List<Ticket> theirs = customers.computeIfAbsent(ticket.requester().historyKey(),
                    key -> all((cursor, limit) -> queries.customerHistory(key, cursor, limit)));
            examples.add(new Example(ticket, CustomerContacts.at(ticket, theirs), CustomerContacts.escalated(ticket)));
        }
        return examples;
    }

    private static List<Ticket> all(BiFunction<String, Integer, Page<Ticket>> pages) {
        List<Ticket> tickets = new ArrayList<>();
        String cursor = null;
        do {
            Page<Ticket> page = pages.apply(cursor, PAGE);
            tickets.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return tickets;
    }
}
