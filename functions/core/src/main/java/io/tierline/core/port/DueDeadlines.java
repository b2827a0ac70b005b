package io.tierline.core.port;

import io.tierline.core.ticket.Deadline;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.List;

/** The sparse index of tickets' next due work (SLA deadlines, escalation steps, triage), read by the sweep. */
public interface DueDeadlines {

    /**
     * A ticket with work due by the asked instant: its next SLA deadline, its escalation engine's next step, the
     * instant it should have been triaged by (while it is still new), its follow-up (while it is solved), or
     * several; each may be null or later than asked.
     */
    record Due(TicketId ticketId, Deadline deadline, Instant escalationAt, Instant triageAt, Instant followUpAt) {
        /** What a written ticket has due, as the index would return it. */
        public static Due of(Ticket ticket) {
            return new Due(ticket.id(), ticket.nextDeadline(), ticket.escalationDueAt(),
                    ticket.triageDueAt(), ticket.followUpDueAt());
        }
    }

    /** What one read cost: items DynamoDB read and requests it took. */
    record Read(List<Due> due, int itemsRead, int requests) {
    }

    /** Every deadline due at or before {@code until}, including overdue ones no sweep has fired yet. */
    Read dueBy(Instant until);
}
