package io.tierline.core.port;

import io.tierline.core.sla.Deadline;
import java.time.Instant;
import java.util.List;

/** The sparse index of open tickets' next SLA deadlines, read by the sweep. */
public interface DueDeadlines {

    /** A ticket whose next deadline is due by the asked instant. */
    record Due(String ticketId, Deadline deadline) {
    }

    /** What one read cost: items DynamoDB read and requests it took. */
    record Read(List<Due> due, int itemsRead, int requests) {
    }

    /** Every deadline due at or before {@code until}, including overdue ones no sweep has fired yet. */
    Read dueBy(Instant until);
}
