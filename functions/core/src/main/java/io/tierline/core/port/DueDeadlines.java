package io.tierline.core.port;

import io.tierline.core.sla.Deadline;
import java.time.Instant;
import java.util.List;

/** The sparse index of open tickets' next SLA deadlines, read by the sweep. */
public interface DueDeadlines {

    /**
     * A ticket with work due by the asked instant: its next SLA deadline, its escalation engine's next step, or
     * both; either may be null or later than asked.
     */
    record Due(String ticketId, Deadline deadline, Instant escalationAt) {
        public Due(String ticketId, Deadline deadline) {
            this(ticketId, deadline, null);
        }
    }

    /** What one read cost: items DynamoDB read and requests it took. */
    record Read(List<Due> due, int itemsRead, int requests) {
    }

    /** Every deadline due at or before {@code until}, including overdue ones no sweep has fired yet. */
    Read dueBy(Instant until);
}
