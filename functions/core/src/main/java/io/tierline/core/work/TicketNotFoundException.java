package io.tierline.core.work;

/** No such ticket, or none the caller may know of: both answer 404 so ids cannot be probed. */
public class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String id) {
        super("There is no ticket " + id + ".");
    }
}
