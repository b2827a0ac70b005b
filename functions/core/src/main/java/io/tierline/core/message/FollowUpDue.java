package io.tierline.core.message;

import io.tierline.core.ticket.TicketId;
import java.time.Instant;

/**
 * A solved ticket's follow-up falls due at {@code at}: the customer is to be asked whether the problem stayed solved.
 * The sweep sends it delayed to its second on the escalation queue; the worker asks only if the ticket still has
 * this follow-up due, so a duplicate or stale message changes nothing.
 */
public record FollowUpDue(TicketId ticketId, Instant at) implements Message {
}
