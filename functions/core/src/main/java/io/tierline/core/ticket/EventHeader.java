package io.tierline.core.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * What every audit event has: the ticket, the version the event produced and its place in that write (its stable
 * key), when it happened, who did it, why, and the text of a reply or note.
 */
public record EventHeader(TicketId ticketId, long version, int index, Instant at, Actor actor, String reason,
                          String body) {
    public EventHeader {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
