package io.tierline.core.ticket;

import java.util.List;

/**
 * The result of a domain action: the ticket before (null when it is new), after, and the audit events that explain
 * the difference. The store writes it only if the stored version still equals {@code before.version()}.
 */
public record TicketChange(Ticket before, Ticket after, List<TicketEvent> events) {
    public TicketChange {
        events = List.copyOf(events);
    }

    /** This change followed by another action on its result, written together as one change. */
    public TicketChange then(java.util.function.Function<Ticket, TicketChange> next) {
        TicketChange second = next.apply(after);
        java.util.List<TicketEvent> all = new java.util.ArrayList<>(events);
        all.addAll(second.events());
        return new TicketChange(before, second.after(), all);
    }
}
