package io.tierline.core.message;

import io.tierline.core.ticket.TicketId;
import java.time.Instant;

/**
 * A ticket's escalation engine has work due at {@code at}: a level whose delay ran out, a reminder, an
 * acknowledgement that timed out, or notifications of a recorded escalation still to be fanned out. The escalation
 * worker acts only on what the ticket still has due, so a duplicate or stale message changes nothing.
 */
public record EscalationDue(TicketId ticketId, Instant at) implements Message {
}
