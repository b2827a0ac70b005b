package io.tierline.core.ticket;

import java.util.List;

/**
 * The result of a domain action: the ticket before (null when it is new), after, and the audit events that explain
 * the difference. The store writes it only if the stored version still equals {@code before.version()}.
 */
public record TicketChange(Ticket before, Ticket after, List<AuditEvent> events) {
    public TicketChange {
        events = List.copyOf(events);
    }
}
