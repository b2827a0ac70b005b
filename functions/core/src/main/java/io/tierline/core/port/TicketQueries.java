package io.tierline.core.port;

import io.tierline.core.ticket.TeamName;
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
     * owed, so overdue tickets come first, narrowed by {@link Filter} and read a page at a time.
     */
    record QueueQuery(TeamName team, Status status, Filter filter, Paging paging) {
    }

    /**
     * Optional filters by tier, priority and assignee (null: any); {@code due} keeps only tickets whose owed target
     * has passed (breached) or falls within {@code atRiskWindow} (at risk).
     */
    record Filter(Tier tier, Priority priority, String assignee, DueFilter due, Duration atRiskWindow) {
        /** Every ticket of the queue. */
        public static final Filter ALL = new Filter(null, null, null, DueFilter.ALL, Duration.ZERO);

        public Filter withPriority(Priority only) {
            return new Filter(tier, only, assignee, due, atRiskWindow);
        }

        public Filter withAssignee(String only) {
            return new Filter(tier, priority, only, due, atRiskWindow);
        }

        public Filter withDue(DueFilter only, Duration window) {
            return new Filter(tier, priority, assignee, only, window);
        }
    }

    /** @param cursor the page after the one that answered it; null for the first */
    record Paging(String cursor, int limit) {
        public static Paging first(int limit) {
            return new Paging(null, limit);
        }
    }

    Page<Ticket> teamQueue(QueueQuery query, Instant now);

    /**
     * A customer's tickets, newest first: by customer id those that named it, by email address every ticket from
     * that address (any case), with or without a customer id.
     */
    Page<Ticket> customerHistory(CustomerKey customer, String cursor, int limit);
}
