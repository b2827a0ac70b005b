package io.tierline.core.work;

import io.tierline.core.ticket.TicketId;

/** A ticket the caller may read has no escalation of that sequence: the addressed thing does not exist (404). */
public class EscalationNotFoundException extends RuntimeException {
    public EscalationNotFoundException(TicketId ticket, int sequence) {
        super("ticket " + ticket + " has no escalation " + sequence);
    }
}
