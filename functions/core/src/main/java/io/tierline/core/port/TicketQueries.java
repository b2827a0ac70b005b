package io.tierline.core.port;

import io.tierline.core.ticket.CustomerKey;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.Tier;
import java.time.Duration;
import java.time.Instant;

/** The lists agents work from, each served by an index (never a table scan), paged with opaque cursors. */
public interface TicketQueries {

    enum DueFilter { ALL, AT_RISK, BREACHED }

    /**
     * A team's queue in one status, soonest due first by {@code Ticket.targetDueAt()}, the earliest SLA target still
     * owed, so overdue tickets come first. Optional filters narrow it by tier, priority and assignee; {@code due}
     * keeps only tickets whose owed target has passed (breached) or falls within {@code atRiskWindow} (at risk).
     */
    record QueueQuery(String team, Status status, Tier tier, Priority priority, String assignee, DueFilter due,
                      Duration atRiskWindow, String cursor, int limit) {
    }

    Page<Ticket> teamQueue(QueueQuery query, Instant now);

    /**
     * A customer's tickets, newest first: by customer id those that named it, by email address every ticket from
     * that address (any case), with or without a customer id.
     */
    Page<Ticket> customerHistory(CustomerKey customer, String cursor, int limit);
}
