package io.tierline.core.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's append-only audit trail. {@code version} is the ticket version the event produced and
 * {@code index} its place within that write, so every event has a stable key and a replayed write cannot add it twice.
 */
public record AuditEvent(TicketId ticketId, long version, int index, Instant at, Actor actor, EventType type,
                         List<Change> changes, String reason) {

    public enum EventType { CREATED, TRIAGED, STATUS_CHANGED }

    public AuditEvent {
        changes = List.copyOf(changes);
    }
}
