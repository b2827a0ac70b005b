package io.tierline.core.ticket;

/** An action that the ticket's current state does not allow (409), e.g. replying to a closed ticket. */
public class TicketActionException extends RuntimeException {
    public TicketActionException(String message) {
        super(message);
    }
}
