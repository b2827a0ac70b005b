package io.tierline.core.message;

import io.tierline.core.ticket.TicketId;
import java.time.Instant;

/** A ticket was stored and waits for triage. */
public record TicketCreated(TicketId ticketId, Instant occurredAt) implements Message {
}
