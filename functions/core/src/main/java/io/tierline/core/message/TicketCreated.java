package io.tierline.core.message;

import java.time.Instant;

/** A ticket was stored and waits for triage. */
public record TicketCreated(String ticketId, Instant occurredAt) implements Message {
    public TicketCreated {
        MessageReader.requireTicketId(ticketId);
    }
}
