package io.tierline.core.port;

import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The lists agents work from, each served by an index (never a table scan), paged with opaque cursors. */
public interface TicketQueries {

    enum DueFilter { ALL, AT_RISK, BREACHED }

    /**
     * A team's queue in one status, soonest due first. Optional filters narrow it by tier, priority and assignee;
     * {@code due} keeps only tickets already past their next deadline (breached) or due within {@code atRiskWindow}.
     */
    record QueueQuery(String team, Status status, Tier tier, Priority priority, String assignee, DueFilter due,
                      Duration atRiskWindow, String cursor, int limit) {
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    Page<Ticket> teamQueue(QueueQuery query, Instant now);

    /** A customer's tickets, newest first; the key is {@code Requester.historyKey()}. */
    Page<Ticket> customerHistory(String historyKey, String cursor, int limit);
}
