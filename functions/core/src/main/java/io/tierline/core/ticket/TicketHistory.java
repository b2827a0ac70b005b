package io.tierline.core.ticket;

import java.util.List;

/** A ticket with its whole audit trail, oldest event first. */
public record TicketHistory(Ticket ticket, List<TicketEvent> events) {
    public TicketHistory {
        events = List.copyOf(events);
    }
}
